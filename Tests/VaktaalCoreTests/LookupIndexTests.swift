import Testing
import VaktaalTestSupport

@testable import VaktaalCore

/// Lookup on the shipped vocabulary and on small fixtures: every match kind, hits and non-hits.
@Suite struct LookupIndexTests {
    static let shipped = try! VocabularyLoader.load(path: fixtureVocabularyFolder).set
    static let shippedIndex = LookupIndex(shipped)

    static let fixture: VocabularySet = load(
        vocabularyXML(
            """
            <concept id="creeren"><prefLabel>creëren</prefLabel><prefLabel xml:lang="en">create</prefLabel></concept>
            <concept id="ios"><prefLabel caseSensitive="true">iOS</prefLabel>
            <deprecatedLabel caseSensitive="true">IOS</deprecatedLabel></concept>
            <concept id="kat"><prefLabel>kat</prefLabel><notation>Z.12</notation></concept>
            <concept id="oud" deprecated="true" replacedBy="nieuw"><prefLabel plural="ouden">oud</prefLabel></concept>
            <concept id="nieuw"><prefLabel plural="nieuwen">nieuw</prefLabel></concept>
            """)
    ).set
    static let fixtureIndex = LookupIndex(fixture)

    func first(_ query: String, in index: LookupIndex = shippedIndex, languages: Set<String>? = nil) -> LookupMatch? {
        index.search(query, languages: languages).first
    }

    func id(_ match: LookupMatch?, _ set: VocabularySet = shipped) -> String? { match.map { set[$0.concept].id } }

    /// A plural typed where a thesaurus gives only singular labels finds them by its singular,
    /// when nothing else is found; a query found as it is stays as it is.
    @Test(arguments: [
        ("Ambulances", "ambulance", MatchKind.prefix), ("ambulance's", "ambulance", .prefix),
        ("Ambulance services", "ambulance", .exact), ("Lanes", "lanes", .exact),
        ("xyzzys", nil, nil), ("abs", nil, nil),
    ])
    func aPluralFindsTheSingularLabel(query: String, id expected: String?, kind: MatchKind?) {
        let set = load(
            vocabularyXML(
                "<concept id=\"ambulance\"><prefLabel>Ambulance services</prefLabel></concept>"
                    + "<concept id=\"lanes\"><prefLabel>lanes</prefLabel></concept>",
                language: "en")
        ).set
        let match = LookupIndex(set).search(query).first
        #expect(id(match, set) == expected && match?.kind == kind, "\(query)")
    }

    /// The last resorts are tried once each: a long run of signs or of `s` (a plural ending
    /// after a plural ending) is one more search, not one search a sign.
    @Test(arguments: [String(repeating: ".", count: 20_000), String(repeating: "s", count: 20_000)])
    func lastResortsAreTriedOnce(query: String) {
        #expect(Self.shippedIndex.search(query).isEmpty)
    }

    /// `--lang fr` finds a label in `fr-BE`, and shows it, as Skosmos's `lang=fr` does; `nl-NL`
    /// finds the `nl` labels.
    @Test func aLanguageFindsItsRegionalLabels() throws {
        let set = load(
            vocabularyXML(
                "<concept id=\"f\"><prefLabel>vormer</prefLabel><prefLabel xml:lang=\"fr-BE\">formateur</prefLabel></concept>")
        ).set
        let match = try #require(LookupIndex(set).search("formateur", languages: ["fr"]).first)
        #expect(set[match.concept].id == "f")
        #expect(ConceptDescription(match, in: set, languages: ["fr"]).prefLabels == ["fr-BE": "formateur"])
        #expect(LookupIndex(set).search("formateur", languages: ["nl"]).isEmpty)
        // What a browser sends (`nl-NL`) falls back to the Dutch labels.
        #expect(LookupIndex(set).search("vormer", languages: ["nl-NL"]).count == 1)
    }

    @Test(arguments: [
        ("werkplekbegeleider", "werkplekbegeleider", LabelKind.preferred),
        ("Werkplekbegeleider", "werkplekbegeleider", .preferred),
        ("WERKPLEKBEGELEIDERS", "werkplekbegeleider", .preferred),
        ("mentor", "werkplekbegeleider", .deprecated),
        ("mentoren", "werkplekbegeleider", .deprecated),
        ("student", "aankomend-leraar", .alternative),
        ("feedbackgeletterheid", "feedbackgeletterdheid", .hidden),
        ("self efficacy", "self-efficacy", .hidden),
        ("Self-Efficacy", "self-efficacy", .preferred),
        ("feed  forward", "feed-forward", .preferred),
        ("feed-forward", "feed-forward", .preferred),
        ("VT", "voltijd", .alternative),
        ("InHolland", "inholland", .deprecated),
        ("IPABO", "ipabo", .deprecated),
        ("HvA", "hogeschool-van-amsterdam", .alternative),
        ("workplace supervisors", "werkplekbegeleider", .preferred),
        // Copied from a document: a soft hyphen, a zero-width space, fullwidth letters, a ligature.
        ("men\u{AD}tor", "werkplekbegeleider", .deprecated), ("werkplek\u{200B}begeleider", "werkplekbegeleider", .preferred),
        ("ｍｅｎｔｏｒ", "werkplekbegeleider", .deprecated), ("ﬂexibel opleiden", "flexibel-opleiden", .preferred),
        ("volt\u{133}d", "voltijd", .preferred),
        // Copied from a sentence with the sign after it.
        ("mentor.", "werkplekbegeleider", .deprecated), ("werkplekbegeleider?", "werkplekbegeleider", .preferred),
        ("mentor?!.", "werkplekbegeleider", .deprecated), ("mentor . .", "werkplekbegeleider", .deprecated),
    ])
    func exactMatches(query: String, concept: String, kind: LabelKind) throws {
        let match = try #require(first(query))
        #expect(match.kind == .exact)
        #expect(id(match) == concept)
        #expect(match.entry.kind == kind)
    }

    @Test func completionsFollowWhatIsTypedAndNeverSuggestMisspellings() {
        let index = Self.shippedIndex
        let ment = index.completions(of: "Ment", limit: 20)
        #expect(ment.contains { $0.form == "mentor" && $0.kind == .deprecated })
        #expect(ment.allSatisfy { $0.form.lowercased().hasPrefix("ment") })
        let werk = index.completions(of: "werkplek", limit: 20)
        #expect(werk.first?.form == "werkplekbegeleider")
        #expect(!werk.contains { $0.kind == .hidden })
        #expect(index.completions(of: "feed-", limit: 3).count == 3)
        // "feed up" is the Dutch and the English label: one completion, not one a language.
        let feed = index.completions(of: "feed", limit: 20).map(\.form)
        #expect(feed.count == Set(feed).count && feed.contains("feed up"), "\(feed)")
        #expect(index.completions(of: "zzzq").isEmpty && index.completions(of: "").isEmpty)
        #expect(
            index.completions(of: "w", languages: ["en"], limit: 50).allSatisfy { $0.language == "en" || $0.labelIndex == nil })
    }

    /// Skosmos's truncation: `ment*` finds what starts so (also under three letters), `*begeleider`
    /// what ends so, `*leid*` what holds it; a star inside, or stars alone, are searched as typed.
    @Test func wildcardsTruncateAsInSkosmos() {
        let index = Self.shippedIndex
        let starting = index.search("werkplek*", limit: 50)
        #expect(starting.first?.entry.form == "werkplekbegeleider" && starting.first?.kind == .prefix)
        #expect(starting.allSatisfy { TermNormalizer.accentFolded($0.entry.form).hasPrefix("werkplek") })
        #expect(index.search("me*", limit: 50).contains { $0.entry.form == "mentor" })
        let ending = index.search("*begeleider", limit: 50)
        #expect(ending.count > 1 && ending.allSatisfy { $0.entry.form.lowercased().hasSuffix("begeleider") }, "\(ending)")
        #expect(ending.contains { $0.entry.form == "werkplekbegeleider" && $0.kind == .wildcard })
        // The text between the stars is itself a term: it ranks first, as an exact match.
        #expect(ending.first?.entry.form == "begeleider" && ending.first?.kind == .exact)
        let holding = index.search("*plekbeg*", limit: 50)
        #expect(holding.map(\.entry.form).contains("werkplekbegeleider"))
        #expect(holding.allSatisfy { $0.entry.form.lowercased().contains("plekbeg") })
        #expect(index.search("*", limit: 5).isEmpty && index.search("**", limit: 5).isEmpty)
        // Fewer than three characters after a leading star would read every key for little.
        #expect(index.search("*er", limit: 5).allSatisfy { $0.kind != .wildcard })
        // A term written with a star is found as itself.
        let xml = """
            <vocabulary xmlns="urn:vaktaal:vocabulary:1" format="1" id="t" uri="https://example.org/t/" xml:lang="nl">
              <concept id="g"><prefLabel>Gender*</prefLabel></concept><concept id="h"><prefLabel>Genderneutraal</prefLabel></concept>
            </vocabulary>
            """
        let starred = LookupIndex(VocabularyLoader.load(sources: [(path: "t.xml", bytes: Array(xml.utf8))]).set)
        #expect(starred.search("gender*", limit: 5).map { "\($0.entry.form) \($0.kind)" } == ["Gender* exact"])
        #expect(starred.search("gend*", limit: 5).count == 2)
        #expect(index.completions(of: "werkplek*", limit: 5).first?.form == "werkplekbegeleider")
    }

    /// A label completes as its own text, also when one of its forms sorts first
    /// ("opleidingsscholen" before "opleidingsschool"), and even when the list is full by then.
    @Test(arguments: [1, 3, 20])
    func aLabelCompletesAsItselfNotAsAForm(limit: Int) throws {
        let xml = """
            <vocabulary xmlns="urn:vaktaal:vocabulary:1" format="1" id="t" uri="https://example.org/t/" xml:lang="nl">
              <concept id="s"><prefLabel plural="opleidingsscholen">opleidingsschool</prefLabel></concept>
            </vocabulary>
            """
        let index = LookupIndex(VocabularyLoader.load(sources: [(path: "t.xml", bytes: Array(xml.utf8))]).set)
        let completions = index.completions(of: "opleidingss", limit: limit).map(\.form)
        #expect(completions.first == "opleidingsschool", "\(completions)")
        #expect(!completions.contains("opleidingsscholen"))
        // A form alone still completes when it is the only one that starts so.
        #expect(index.completions(of: "opleidingsschol", limit: limit).map(\.form) == ["opleidingsscholen"])
    }

    /// A case-sensitive label (a name, an abbreviation) is found in another casing as the same
    /// term (the contract's lookup ignores case), not as a completion; a label written as typed
    /// ranks first.
    @Test func caseSensitiveLabelsMatchInAnotherCasingAfterTheirOwn() throws {
        let lower = try #require(first("inholland"))
        #expect(lower.kind == .caseInsensitive && id(lower) == "inholland")
        #expect(first("vt").map(\.kind) == .caseInsensitive)
        #expect(first("VT").map(\.kind) == .exact)
        let ios = try #require(first("ios", in: Self.fixtureIndex))
        #expect(ios.kind == .caseInsensitive && ios.entry.form == "iOS")
        let upper = try #require(first("IOS", in: Self.fixtureIndex))
        #expect(upper.kind == .exact && upper.entry.kind == .deprecated)
    }

    /// Word's typographic apostrophe is the apostrophe: "slb’er" is found as "slb'er" is.
    @Test func typographicApostrophesMatchExactly() throws {
        let set = load(vocabularyXML("<concept id=\"h\"><prefLabel>havist</prefLabel><altLabel>havo'er</altLabel></concept>")).set
        let index = LookupIndex(set)
        for query in ["havo'er", "havo’er", "Havo‘er"] {
            #expect(first(query, in: index)?.kind == .exact, "\(query)")
        }
    }

    @Test func accentsAreIgnoredAfterExactMatches() throws {
        let match = try #require(first("creeren", in: Self.fixtureIndex))
        #expect(match.kind == .accentInsensitive && match.entry.form == "creëren")
        #expect(first("CREËREN", in: Self.fixtureIndex)?.kind == .exact)
    }

    @Test(arguments: [
        ("werkplekbeg", "werkplekbegeleider"), ("leeruit", "leeruitkomst"), ("feed f", "feed-forward"), ("kennisc", "kennisclip"),
    ])
    func prefixesCompleteFromThreeCharacters(query: String, concept: String) throws {
        let match = try #require(first(query))
        #expect(match.kind == .prefix && id(match) == concept)
    }

    @Test func twoCharactersAreNoPrefix() {
        #expect(Self.shippedIndex.search("le").allSatisfy { $0.kind == .exact })
    }

    @Test(arguments: [
        ("werkplekbegelijder", "werkplekbegeleider"), ("feedbackgeleterdheid", "feedbackgeletterdheid"),
        ("leeruitkomts", "leeruitkomst"), ("kennisclp", "kennisclip"), ("instituutsopleidr", "instituutsopleider"),
        ("begeleidingstijl", "begeleidingsstijl"),
    ])
    func typosAreFoundByEditDistance(query: String, concept: String) throws {
        let match = try #require(first(query))
        #expect(match.kind == .fuzzy && id(match) == concept)
    }

    @Test(arguments: ["vak", "mens", "xyz", "taal", "bord", "lerarenkamer", "fiets"])
    func unrelatedWordsAreNotFuzzyMatches(query: String) {
        #expect(
            !Self.shippedIndex.search(query).contains { $0.kind == .fuzzy },
            "\(Self.shippedIndex.search(query).map(\.entry.form))")
    }

    @Test func deprecatedConceptsPointAtTheirReplacement() throws {
        let match = try #require(first("ouden", in: Self.fixtureIndex))
        #expect(id(match, Self.fixture) == "oud")
        #expect(Self.fixture.replacement(for: match.entry) == "nieuwen")
        let stagementor = try #require(first("stagementor"))
        #expect(Self.shipped.replacement(for: stagementor.entry) == "werkplekbegeleider")
    }

    @Test func outdatedFormsGetTheMatchingFormOfThePreferredLabel() throws {
        let plural = try #require(first("mentoren"))
        #expect(Self.shipped.replacement(for: plural.entry) == "werkplekbegeleiders")
        let singular = try #require(first("mentor"))
        #expect(Self.shipped.replacement(for: singular.entry) == "werkplekbegeleider")
        let preferred = try #require(first("werkplekbegeleider"))
        #expect(Self.shipped.replacement(for: preferred.entry) == nil)
    }

    @Test func notationsAreFound() {
        #expect(id(first("z.12", in: Self.fixtureIndex), Self.fixture) == "kat")
    }

    @Test func languagesLimitWhatIsSearched() {
        #expect(first("mentor", languages: ["en"]) == nil)
        #expect(id(first("workplace supervisor", languages: ["en"])) == "werkplekbegeleider")
        #expect(first("werkplekbegeleider", languages: ["en"])?.kind != .exact)
    }

    @Test func resultsAreOnePerConceptRankedAndLimited() {
        let results = Self.shippedIndex.search("feed", limit: 2)
        #expect(results.count == 2)
        #expect(Set(results.map(\.concept)).count == 2)
        #expect(results.map { Self.shipped[$0.concept].id } == ["feed-up", "feedback"])
    }

    @Test(arguments: ["", "   ", "\n\t"])
    func emptyQueriesFindNothing(query: String) {
        #expect(Self.shippedIndex.search(query).isEmpty)
    }

    @Test func aVeryLongQueryFindsNothingQuickly() {
        #expect(Self.shippedIndex.search(String(repeating: "werkplekbegeleider ", count: 600)).isEmpty)
    }

    @Test func suggestionsAreOfferedForNearMisses() {
        #expect(Self.shippedIndex.suggestions(for: "werkplekbgleider").first?.form == "werkplekbegeleider")
    }
}

@Suite struct EditDistanceTests {
    @Test(
        arguments: [
            ("kitten", "sitting", 3, 3), ("abcd", "abdc", 1, 1), ("feed", "feed", 0, 0), ("a", "", 1, 1),
            ("werkplekbegelijder", "werkplekbegeleider", 2, 2), ("abc", "xyz", 2, nil),
        ] as [(String, String, Int, Int?)])
    func measuresEditsWithTranspositions(a: String, b: String, limit: Int, expected: Int?) {
        #expect(
            EditDistance.distance(a.unicodeScalars.map(\.value), b.unicodeScalars.map(\.value)[...], limit: limit) == expected)
    }
}

/// Lookup's JSON is written directly; it must stay what `JSONEncoder` writes.
@Suite struct ConceptDescriptionJSONTests {
    @Test(arguments: ["mentor", "mentoren", "feed", "stagementor", "werkplekbegeleider", "iPabo", "self efficacy", "xyzzy"])
    func lookupJSONIsWhatJSONEncoderWrites(_ query: String) {
        let set = LookupIndexTests.shipped
        let descriptions = LookupIndexTests.shippedIndex.search(query, limit: 5).map { ConceptDescription($0, in: set) }
        #expect(ConceptDescription.json(descriptions) == JSONOutput.encode(descriptions))
        for description in descriptions { #expect(description.json == JSONOutput.encode(description)) }
    }

    @Test func missingNotesAndEveryOptionalFieldStillMatch() {
        let set = load(
            vocabularyXML(
                """
                <concept id="a" deprecated="true"><prefLabel>oud "woord" \\ met/streep</prefLabel></concept>
                <concept id="b"><prefLabel>nieuw</prefLabel><deprecatedLabel since="2020-01-01">old</deprecatedLabel>
                <exactMatch uri="https://partner.example/x"/></concept>
                """)
        ).set
        let index = LookupIndex(set)
        let descriptions = ["oud", "old", "nieuw"].flatMap { index.search($0).map { ConceptDescription($0, in: set) } }
        #expect(!descriptions.isEmpty)
        #expect(ConceptDescription.json(descriptions) == JSONOutput.encode(descriptions))
    }
}
