import Testing

@testable import VaktaalCore

/// Each rule of `vaktaal check` with an example that triggers it and a close one that does not.
@Suite struct CheckRuleTests {
    struct Example: CustomTestStringConvertible, Sendable {
        let rule: RuleID
        let triggering: String
        let nonTriggering: String
        /// The scheme's `uri` in each example, when not the default.
        var uris: (triggering: String, nonTriggering: String)? = nil
        var testDescription: String { rule.rawValue }

        var triggeringXML: String { vocabularyXML(triggering, uri: uris?.triggering ?? defaultURI) }
        var nonTriggeringXML: String { vocabularyXML(nonTriggering, uri: uris?.nonTriggering ?? defaultURI) }
        private var defaultURI: String { "https://example.org/test/" }
    }

    /// A concept with a definition, so that `missing-definition` stays quiet.
    static func concept(_ id: String, _ body: String = "", attributes: String = "") -> String {
        "<concept id=\"\(id)\"\(attributes)><prefLabel>\(id)</prefLabel><prefLabel "
            + "xml:lang=\"en\">\(id)</prefLabel><definition>d</definition>\(body)</concept>"
    }

    static let examples: [Example] = [
        Example(rule: "duplicate-id", triggering: concept("a") + concept("a"), nonTriggering: concept("a") + concept("b")),
        Example(
            rule: "dangling-reference", triggering: concept("a", "<broader ref=\"b\"/>"),
            nonTriggering: concept("a", "<broader ref=\"b\"/>") + concept("b")),
        Example(
            rule: "broader-cycle",
            triggering: concept("a", "<broader ref=\"b\"/>") + concept("b", "<broader ref=\"c\"/>")
                + concept("c", "<broader ref=\"a\"/>"),
            nonTriggering: concept("a", "<broader ref=\"b\"/>") + concept("b", "<broader ref=\"c\"/>") + concept("c")),
        Example(
            rule: "multiple-preferred-labels", triggering: concept("a", "<prefLabel xml:lang=\"en\">other</prefLabel>"),
            nonTriggering: concept("a", "<altLabel xml:lang=\"en\">other</altLabel>")),
        // Language tags compare without case: `NL` is the vocabulary's `nl`.
        Example(
            rule: "multiple-preferred-labels", triggering: concept("a", "<prefLabel xml:lang=\"NL\">other</prefLabel>"),
            nonTriggering: concept("a", "<prefLabel xml:lang=\"NL-be\">other</prefLabel>")),
        Example(
            rule: "label-kind-clash", triggering: concept("a", "<hiddenLabel>A</hiddenLabel>"),
            nonTriggering: concept("a", "<hiddenLabel>aa</hiddenLabel>")),
        Example(
            rule: "duplicate-preferred-label",
            triggering: concept("a") + "<concept id=\"b\"><prefLabel>a</prefLabel><definition>d</definition></concept>",
            nonTriggering: concept("a")
                + "<concept id=\"b\"><prefLabel xml:lang=\"fr\">a</prefLabel><definition>d</definition></concept>"),
        Example(
            rule: "outdated-label-is-allowed", triggering: concept("a") + concept("b", "<deprecatedLabel>A</deprecatedLabel>"),
            nonTriggering: concept("a") + concept("b", "<deprecatedLabel xml:lang=\"en\">c</deprecatedLabel>")),
        Example(
            rule: "deprecated-label-without-replacement",
            triggering: concept("a", "<deprecatedLabel xml:lang=\"de\">alt</deprecatedLabel>"),
            nonTriggering: concept("a", "<deprecatedLabel xml:lang=\"en\">old</deprecatedLabel>")),
        Example(
            rule: "related-hierarchy-clash",
            triggering: concept("a", "<related ref=\"c\"/>") + concept("b", "<broader ref=\"a\"/>")
                + concept("c", "<broader ref=\"b\"/><related ref=\"a\"/>"),
            nonTriggering: concept("a", "<related ref=\"c\"/>") + concept("b", "<broader ref=\"a\"/>")
                + concept("c", "<related ref=\"a\"/>")),
        Example(
            rule: "exact-match-clash",
            triggering: concept("a", "<exactMatch uri=\"urn:x:1\"/><broadMatch uri=\"urn:x:1\"/>"),
            nonTriggering: concept("a", "<exactMatch uri=\"urn:x:1\"/><broadMatch uri=\"urn:x:2\"/>")),
        Example(
            rule: "replacement-deprecated",
            triggering: concept("a", attributes: " deprecated=\"true\" replacedBy=\"b\"")
                + concept("b", attributes: " deprecated=\"true\" replacedBy=\"c\"") + concept("c"),
            nonTriggering: concept("a", attributes: " deprecated=\"true\" replacedBy=\"c\"")
                + concept("b", attributes: " deprecated=\"true\" replacedBy=\"c\"") + concept("c")),
        Example(
            rule: "replacement-cycle",
            triggering: concept("a", attributes: " deprecated=\"true\" replacedBy=\"b\"")
                + concept("b", attributes: " deprecated=\"true\" replacedBy=\"a\""),
            nonTriggering: concept("a", attributes: " deprecated=\"true\" replacedBy=\"b\"") + concept("b")),
        Example(
            rule: "overlapping-labels",
            triggering: concept("a", "<altLabel>Gedeeld</altLabel>") + concept("b", "<altLabel>gedeeld</altLabel>"),
            nonTriggering: concept("a", "<altLabel>gedeeld</altLabel>")
                + concept("b", "<altLabel xml:lang=\"en\">gedeeld</altLabel>")),
        Example(
            rule: "orphan-concept", triggering: concept("a"),
            nonTriggering: concept("a", "<narrower ref=\"b\"/>") + concept("b")),
        Example(
            rule: "missing-definition", triggering: "<concept id=\"a\"><prefLabel>a</prefLabel></concept>",
            nonTriggering: "<concept id=\"a\"><prefLabel>a</prefLabel><definition xml:lang=\"en\">d</definition></concept>"),
        Example(
            rule: "missing-preferred-label",
            triggering: "<concept id=\"a\"><altLabel>a</altLabel><definition>d</definition></concept>",
            nonTriggering: concept("a")),
        Example(
            rule: "incomplete-language-coverage",
            triggering: concept("a") + "<concept id=\"b\"><prefLabel>b</prefLabel><definition>d</definition></concept>",
            nonTriggering: concept("a") + concept("b")),
        Example(
            rule: "reflexive-relation", triggering: concept("a", "<related ref=\"a\"/>"),
            nonTriggering: concept("a", "<related ref=\"b\"/>") + concept("b", "<related ref=\"a\"/>")),
        Example(
            rule: "one-directional-relation", triggering: concept("a", "<related ref=\"b\"/>") + concept("b"),
            nonTriggering: concept("a", "<related ref=\"b\"/>") + concept("b", "<related ref=\"test:a\"/>")),
        Example(
            rule: "hierarchical-redundancy",
            triggering: concept("a") + concept("b", "<broader ref=\"a\"/>")
                + concept("c", "<broader ref=\"b\"/><broader ref=\"a\"/>"),
            nonTriggering: concept("a") + concept("b", "<broader ref=\"a\"/>") + concept("c", "<broader ref=\"b\"/>")),
        Example(
            rule: "mapping-within-scheme", triggering: concept("a", "<closeMatch ref=\"b\"/>") + concept("b"),
            nonTriggering: concept("a", "<closeMatch uri=\"https://elders.example/b\"/>") + concept("b")),
        Example(
            rule: "top-concept-with-broader",
            triggering: concept("a") + concept("b", "<broader ref=\"a\"/>", attributes: " top=\"true\""),
            nonTriggering: concept("a", attributes: " top=\"true\"") + concept("b", "<broader ref=\"a\"/>")),
        Example(
            rule: "replacement-on-active-concept", triggering: concept("a", attributes: " replacedBy=\"b\"") + concept("b"),
            nonTriggering: concept("a", attributes: " deprecated=\"true\" replacedBy=\"b\"") + concept("b")),
        Example(
            rule: "empty-label", triggering: concept("a", "<altLabel> </altLabel>"),
            nonTriggering: concept("a", "<altLabel>b</altLabel>")),
        Example(
            rule: "irregular-whitespace", triggering: concept("a", "<altLabel>feed  up</altLabel>"),
            nonTriggering: concept("a", "<altLabel>feed up</altLabel>")),
        Example(
            rule: "control-character", triggering: concept("a", "<altLabel>zero\u{200B}width</altLabel>"),
            nonTriggering: concept("a", "<altLabel>zero width</altLabel>")),
        Example(
            rule: "invalid-language-tag", triggering: concept("a", "<altLabel xml:lang=\"nederlands!\">b</altLabel>"),
            nonTriggering: concept("a", "<altLabel xml:lang=\"nl-BE\">b</altLabel>")),
        // A well-formed tag of no language.
        Example(
            rule: "invalid-language-tag", triggering: concept("a", "<altLabel xml:lang=\"xy\">b</altLabel>"),
            nonTriggering: concept("a", "<altLabel xml:lang=\"fy\">b</altLabel><altLabel xml:lang=\"gsw\">c</altLabel>")),
        Example(
            rule: "duplicate-notation",
            triggering: concept("a", "<notation>1.2</notation>") + concept("b", "<notation>1.2</notation>"),
            nonTriggering: concept("a", "<notation>1.2</notation>") + concept("b", "<notation>1.3</notation>")),
        Example(
            rule: "missing-top-concepts", triggering: concept("a") + concept("b"),
            nonTriggering: concept("a", attributes: " top=\"true\"") + concept("b")),
        // A mapping's uri is a full IRI that RDF can carry: no relative path, no blank, no `{}`.
        Example(
            rule: "invalid-mapping-uri", triggering: concept("a", "<closeMatch uri=\"relative/path\"/>"),
            nonTriggering: concept("a", "<closeMatch uri=\"https://x.org/path\"/>")),
        Example(
            rule: "invalid-mapping-uri", triggering: concept("a", "<closeMatch uri=\"https://x.org/not a uri\"/>"),
            nonTriggering: concept("a", "<closeMatch uri=\"https://x.org/not%20a%20uri\"/>")),
        Example(
            rule: "invalid-mapping-uri", triggering: concept("a", "<exactMatch uri=\"https://x.org/{id}\"/>"),
            nonTriggering: concept("a", "<exactMatch uri=\"urn:isbn:0451450523\"/>")),
        Example(
            rule: "uri-without-separator", triggering: concept("a"), nonTriggering: concept("a"),
            uris: ("https://example.org/vocab", "https://example.org/vocab#")),
        Example(
            rule: "uri-without-separator", triggering: concept("a"), nonTriggering: concept("a"),
            uris: ("urn:vaktaal:x2", "urn:vaktaal:x:")),
        // Notes are read on their own, after the labels.
        Example(
            rule: "invalid-language-tag", triggering: concept("a", "<definition xml:lang=\"nederlands!\">b</definition>"),
            nonTriggering: concept("a", "<definition xml:lang=\"nl-BE\">b</definition>")),
    ]

    /// The byte paths of the white-space rules decide ASCII labels as the general ones do.
    @Test(arguments: [
        "", " ", "a", "feed up", "feed  up", " feed", "feed ", "feed\tup", "feed\nup", "a b c", "  ", "\t", "\r\n",
        "x\u{0B}y", "word.", "up-to-date", "a\u{0C}", " a ", "ab  ", "\u{A0}", "a\u{A0}b", "é", " é", "\u{2003}",
        "\u{301}", " \u{301}", "\u{0}", "\u{1C}", "\u{7F}", " \u{1F}", "a\u{1F}b", "\u{1F} ", "één  keer", " coördinator",
        "één keer", "a\u{85}b", "é\u{A0}", "\u{2009}é", "auto’s", "x\u{3000}y", "é\u{1680}",
        "‘a’ – b…", "a\u{202F}b", "a\u{205F}b", "a\u{2028}b", "a\u{200B}b", "\u{2060}a", "a \u{300}", "x\u{3001}y",
    ])
    func whiteSpaceRulesDecideOnBytesAsOnCharacters(_ text: String) {
        #expect(EmptyLabelCheck.isEmpty(text) == text.allSatisfy(\.isWhitespace))
        #expect(IrregularWhitespaceCheck.isIrregular(text) == IrregularWhitespaceCheck.isIrregularScalars(text))
    }

    /// The byte path of `control-character` decides every Latin-1 character as looking at its
    /// category does: C0 and C1 controls and the soft hyphen are caught, letters pass.
    @Test func controlCharactersAreFoundOnBytesAsOnCharacters() {
        for value in 0x00...0x17F {
            guard let scalar = Unicode.Scalar(value) else { continue }
            let text = "é" + String(scalar) + "x"
            let byCharacters = !text.unicodeScalars.contains(where: ControlCharacterCheck.isUnprintable)
            if ControlCharacterCheck.isPrintableLatin1(text) {
                #expect(byCharacters, "U+\(String(value, radix: 16)) passed on bytes")
            }
            if value >= 0xA0, value <= 0xFF, byCharacters {
                #expect(ControlCharacterCheck.isPrintableLatin1(text), "U+\(String(value, radix: 16)) sent to the characters")
            }
        }
    }

    /// What the messages say: the kind with its article, and the end of a chain of
    /// replacements to point at; a chain that goes round is only `replacement-cycle`'s.
    @Test func messagesNameWhatToDo() {
        func messages(_ body: String, _ rule: RuleID) -> [String] {
            findings(load(vocabularyXML(body))).filter { $0.rule == rule }.map(\.message)
        }
        #expect(
            messages(Self.concept("a", "<altLabel>A</altLabel>"), "label-kind-clash") == [
                "'A' is both a prefLabel and an altLabel in 'nl'"
            ])
        let chain =
            Self.concept("a", attributes: " deprecated=\"true\" replacedBy=\"b\"")
            + Self.concept("b", attributes: " deprecated=\"true\" replacedBy=\"c\"")
            + Self.concept("c", attributes: " deprecated=\"true\" replacedBy=\"d\"") + Self.concept("d")
        #expect(
            messages(chain, "replacement-deprecated") == [
                "'a' is replaced by 'b', which is deprecated itself; point at 'd' directly",
                "'b' is replaced by 'c', which is deprecated itself; point at 'd' directly",
            ])
        let circle =
            Self.concept("s", attributes: " deprecated=\"true\" replacedBy=\"s2\"")
            + Self.concept("s2", attributes: " deprecated=\"true\" replacedBy=\"s\"")
        #expect(messages(circle, "replacement-deprecated").isEmpty && !messages(circle, "replacement-cycle").isEmpty)
        #expect(
            messages(
                Self.concept("a", "<altLabel>b</altLabel>") + Self.concept("c", "<deprecatedLabel>B</deprecatedLabel>"),
                "outdated-label-is-allowed"
            )
            .first?.hasPrefix("deprecatedLabel 'B' is also an altLabel ('b') of 'a'") == true)
        // White space is named for what it is: a no-break space is not "repeated".
        #expect(
            messages(Self.concept("a", "<altLabel>werkplek\u{A0}begeleider</altLabel>"), "irregular-whitespace") == [
                "altLabel \"werkplek\u{A0}begeleider\" has a no-break space (U+00A0): write single plain spaces between its words"
            ])
        let runOn = findings(load(vocabularyXML(Self.concept("mentor"), uri: "https://example.org/vocab")))
        #expect(
            runOn.filter { $0.rule == "uri-without-separator" }.map(\.message) == [
                "uri 'https://example.org/vocab' ends in 'b': concept URIs run on from it "
                    + "('https://example.org/vocabmentor'); end it in '/' or '#'"
            ])
    }

    /// A tag without the form of any tag is an error (no RDF export can carry it); a tag of
    /// that form that names no language is a warning; an empty one says "no language".
    @Test(arguments: [
        ("nl_NL", Severity.error), ("x y", .error), ("12", .error), ("nl-", .error), ("english", .warning),
        ("xy", .warning), ("nl-NLD-x", .warning), ("", .warning),
    ])
    func aLanguageTagWithoutTheFormOfATagIsAnError(tag: String, severity: Severity) {
        let xml = vocabularyXML(Self.concept("a", "<altLabel xml:lang=\"\(tag)\">b</altLabel>"))
        let found = findings(load(xml)).filter { $0.rule == "invalid-language-tag" }
        #expect(found.map(\.severity) == [severity], "\(found)")
    }

    /// A regional outdated label is replaced by its language's preferred label, as lint offers
    /// it (`nl-BE` by `nl`), never by another region's (`nl-BE` by `nl-NL`).
    @Test(arguments: [("nl", false), ("nl-BE", false), ("nl-NL", true), ("fr", true)])
    func aRegionalOutdatedLabelIsReplacedByItsLanguagesLabel(preferred: String, triggers: Bool) {
        let xml = vocabularyXML(
            "<concept id=\"a\"><prefLabel xml:lang=\"\(preferred)\">leraar</prefLabel><definition>d</definition>"
                + "<deprecatedLabel xml:lang=\"nl-BE\">meester</deprecatedLabel></concept>")
        #expect(findings(load(xml)).contains { $0.rule == "deprecated-label-without-replacement" } == triggers)
    }

    @Test(arguments: examples)
    func triggers(_ example: Example) {
        let rules = findings(load(example.triggeringXML)).map(\.rule)
        #expect(rules.contains(example.rule), "\(rules)")
    }

    @Test(arguments: examples)
    func staysQuietOnTheCloseExample(_ example: Example) {
        let diagnostics = findings(load(example.nonTriggeringXML))
        #expect(!diagnostics.contains { $0.rule == example.rule }, "\(diagnostics)")
    }

    /// Allowed forms are looked up by the hash of their case fold: forms that differ from an
    /// outdated one only in case still clash, in plurals, beyond ASCII and either way round,
    /// among many forms that do not (the Kelvin sign lowercases to an ASCII k; the Greek
    /// question mark is canonically a semicolon; a decomposed é is a precomposed one); the same
    /// form in another language does not clash.
    @Test(arguments: [
        ("<altLabel>Werkplekbegeleider</altLabel>", "<deprecatedLabel>werkplekbegeleider</deprecatedLabel>", true),
        ("<altLabel plural=\"MENTOREN\">x</altLabel>", "<hiddenLabel>Mentoren</hiddenLabel>", true),
        ("<altLabel>ÉÉN</altLabel>", "<deprecatedLabel>één</deprecatedLabel>", true),
        ("<altLabel>k</altLabel>", "<deprecatedLabel>\u{212A}</deprecatedLabel>", true),
        ("<altLabel>x;</altLabel>", "<deprecatedLabel>x\u{037E}</deprecatedLabel>", true),
        ("<altLabel>\u{212A}</altLabel>", "<deprecatedLabel>k</deprecatedLabel>", true),
        ("<altLabel>x\u{037E}</altLabel>", "<deprecatedLabel>X;</deprecatedLabel>", true),
        ("<altLabel>E\u{301}E\u{301}N</altLabel>", "<deprecatedLabel>één</deprecatedLabel>", true),
        ("<altLabel xml:lang=\"en\">mentor</altLabel>", "<deprecatedLabel>mentor</deprecatedLabel>", false),
        ("<altLabel>Werkplekbegeleiders</altLabel>", "<deprecatedLabel>werkplekbegeleider</deprecatedLabel>", false),
        (
            "<altLabel caseSensitive=\"true\">AVG</altLabel>", "<deprecatedLabel caseSensitive=\"true\">avg</deprecatedLabel>",
            false
        ),
    ])
    func outdatedFormsAreFoundAmongManyAllowedOnes(allowed: String, outdated: String, clashes: Bool) {
        let many = (0..<300).map { Self.concept("c\($0)", "<altLabel>Vorm \($0)</altLabel>") }.joined()
        let xml = vocabularyXML(many + Self.concept("a", allowed) + Self.concept("b", outdated))
        let found = findings(load(xml)).filter { $0.rule == "outdated-label-is-allowed" }
        #expect(found.count == (clashes ? 1 : 0), "\(found)")
    }

    /// The finding quotes the allowed form that clashes, found again by its place among the
    /// label's forms: the text, a plural, or a form after the plurals.
    @Test(arguments: [
        ("<altLabel plural=\"mentoren\">Mentor</altLabel>", "mentor", "Mentor"),
        ("<altLabel plural=\"leraren; Docenten\">leraar</altLabel>", "docenten", "Docenten"),
        ("<altLabel plural=\"a; b\" forms=\"c; Begeleiders\">x</altLabel>", "begeleiders", "Begeleiders"),
    ])
    func theClashingAllowedFormIsQuoted(allowed: String, outdated: String, quoted: String) {
        let xml = vocabularyXML(Self.concept("a", allowed) + Self.concept("b", "<hiddenLabel>\(outdated)</hiddenLabel>"))
        let found = findings(load(xml)).filter { $0.rule == "outdated-label-is-allowed" }
        #expect(found.count == 1)
        #expect(found.first?.message.contains("('\(quoted)')") == true, "\(found)")
    }

    /// Rules that look labels up by a hash of their case fold or compare one language without
    /// hashing decide as comparing every text would: on accented and decomposed texts, and in
    /// a scheme of one language as in one of two.
    @Test(arguments: [
        ("overlapping-labels", "<altLabel>Één keer</altLabel>", "<altLabel>één KEER</altLabel>", 1),
        ("overlapping-labels", "<altLabel>Één keer</altLabel>", "<altLabel>een keer</altLabel>", 0),
        ("overlapping-labels", "<altLabel>e\u{301}én</altLabel>", "<altLabel>ÉÉN</altLabel>", 1),
        ("overlapping-labels", "<altLabel>Kelvin \u{212A}</altLabel>", "<altLabel>kelvin k</altLabel>", 1),
        ("overlapping-labels", "<altLabel xml:lang=\"en\">zelfde</altLabel>", "<altLabel>zelfde</altLabel>", 0),
        (
            "duplicate-preferred-label", "<prefLabel xml:lang=\"en\">Post</prefLabel>",
            "<prefLabel xml:lang=\"en\">post</prefLabel>", 0
        ),
        (
            "duplicate-preferred-label", "<prefLabel xml:lang=\"en\">\u{E9}</prefLabel>",
            "<prefLabel xml:lang=\"en\">e\u{301}</prefLabel>", 1
        ),
        (
            "duplicate-preferred-label", "<prefLabel xml:lang=\"en\">post</prefLabel>",
            "<prefLabel xml:lang=\"de\">post</prefLabel>", 0
        ),
        ("incomplete-language-coverage", "", "", 0),
        ("incomplete-language-coverage", "", "<prefLabel xml:lang=\"de\">b</prefLabel>", 1),
        // Two preferred labels in one language do not cover a second language.
        ("incomplete-language-coverage", "<prefLabel xml:lang=\"en\">a</prefLabel>", "<prefLabel>b2</prefLabel>", 1),
    ])
    func labelRulesDecideOnEveryKindOfText(rule: String, first: String, second: String, expected: Int) {
        // One language (nl) unless a label adds another.
        func concept(_ id: String, _ body: String) -> String {
            "<concept id=\"\(id)\"><prefLabel>\(id)</prefLabel><definition>d</definition>\(body)</concept>"
        }
        let found = findings(load(vocabularyXML(concept("a", first) + concept("b", second)))).filter { $0.rule.rawValue == rule }
        #expect(found.count == expected, "\(found)")
    }

    /// Preferred labels whose folds share a hash but whose texts differ are told apart, however
    /// many there are: only a text met before is a duplicate.
    @Test(arguments: [(["Post", "post", "post"], 1), (["Post", "post", "Post"], 1), (["Post", "post", "POST"], 0)])
    func preferredLabelsOfOneFoldAreComparedByText(texts: [String], expected: Int) {
        let concepts = texts.enumerated().map { index, text in
            "<concept id=\"c\(index)\"><prefLabel xml:lang=\"en\">\(text)</prefLabel><definition>d</definition></concept>"
        }
        let found = findings(load(vocabularyXML(concepts.joined()))).filter { $0.rule == "duplicate-preferred-label" }
        #expect(found.count == expected, "\(found)")
    }

    /// Labels whose language tags are canonically equivalent (a tag written decomposed) are in
    /// one language, as `==` says: they are compared, not kept apart by a hash of their bytes.
    @Test(arguments: [
        ("duplicate-preferred-label", "prefLabel", "prefLabel"), ("overlapping-labels", "altLabel", "altLabel"),
    ])
    func labelsOfCanonicallyEquivalentLanguagesAreCompared(rule: String, first: String, second: String) {
        let concepts =
            "<concept id=\"a\"><prefLabel>a</prefLabel><\(first) xml:lang=\"e\u{301}\">gedeeld</\(first)></concept>"
            + "<concept id=\"b\"><prefLabel>b</prefLabel><\(second) xml:lang=\"\u{E9}\">gedeeld</\(second)></concept>"
        let found = findings(load(vocabularyXML(concepts))).filter { $0.rule.rawValue == rule }
        #expect(found.count == 1, "\(found)")
    }

    /// Each scheme's languages are its own: a run of labels in one language that crosses into
    /// the next scheme still counts that language there.
    @Test func languageCoverageIsCountedPerScheme() {
        func concept(_ id: String, _ language: String) -> String {
            "<concept id=\"\(id)\"><prefLabel xml:lang=\"\(language)\">\(id)</prefLabel><definition>d</definition></concept>"
        }
        let first = vocabularyXML(concept("a", "nl"), id: "s1", uri: "https://example.org/s1/")
        let second = vocabularyXML(concept("x", "nl") + concept("y", "en"), id: "s2", uri: "https://example.org/s2/")
        let found = findings(load([("s1.xml", first), ("s2.xml", second)])).filter {
            $0.rule == "incomplete-language-coverage"
        }
        #expect(found.count == 2, "\(found)")
    }

    /// Labels clash ignoring case unless both are case-sensitive; ASCII texts are compared on
    /// their bytes, others as Unicode text (canonically equivalent texts clash).
    @Test(arguments: [
        ("Mentor", false, "mentor", false, true),
        ("Mentor", true, "mentor", false, true),
        ("Mentor", true, "mentor", true, false),
        ("AVG", true, "AVG", true, true),
        ("mentor", false, "mentoren", false, false),
        ("mentor-uur", false, "mentor_uur", false, false),
        ("ÉÉN", false, "één", false, true),
        ("x;", false, "x\u{037E}", false, true),
        ("k", false, "\u{212A}", false, true),
        // Texts that are not all ASCII: their ASCII starts decide when they differ there.
        ("Leerling-É", false, "leerling-é", false, true),
        ("aé", false, "bé", false, false),
        ("ae\u{301}", false, "AÉ", false, true),
        ("xk", false, "X\u{212A}", false, true),
        ("leraar", false, "leraaré", false, false),
        ("straße", false, "STRASSE", false, false),
        ("İ", false, "i\u{307}", false, true),
    ])
    func labelsClashIgnoringCaseUnlessBothAreCaseSensitive(
        first: String, firstCaseSensitive: Bool, second: String, secondCaseSensitive: Bool, clashes: Bool
    ) {
        #expect(LabelComparison.clash(first, firstCaseSensitive, second, secondCaseSensitive) == clashes)
        #expect(LabelComparison.clash(second, secondCaseSensitive, first, firstCaseSensitive) == clashes)
    }

    @Test func everyRegisteredRuleHasExamplesAndAUniqueID() {
        let registered = VocabularyChecker.checks.map(\.rule)
        #expect(Set(registered).count == registered.count)
        #expect(Set(registered) == Set(Self.examples.map(\.rule)))
        #expect(VocabularyChecker.checks.allSatisfy { !$0.summary.isEmpty })
    }

    @Test func severitiesAreErrorsForTheFormatRulesAndWarningsForQuality() {
        let errors = VocabularyChecker.checks.filter { $0.severity == .error }.map(\.rule)
        #expect(errors.contains("broader-cycle") && errors.contains("label-kind-clash") && errors.contains("replacement-cycle"))
        // The format's spec: orphans, missing definitions and languages, relation and mapping clashes are warnings.
        for rule: RuleID in [
            "orphan-concept", "invalid-language-tag", "missing-definition", "incomplete-language-coverage",
            "related-hierarchy-clash", "exact-match-clash",
        ] {
            #expect(!errors.contains(rule), "\(rule)")
        }
    }

    /// Finding a concept by scheme URI and id is finding it by the URI they make, also when
    /// one scheme's URI is a prefix of another's concept URIs (the first scheme wins).
    @Test(arguments: [
        ("https://example.org/", "xy"), ("https://example.org/", "z"), ("https://example.org/x", "y"),
        ("https://example.org/x", "z"), ("https://other.example/", "y"),
    ])
    func conceptsAreFoundBySchemeAndIDAsByTheirURI(schemeURI: String, id: String) {
        let loaded = load([
            ("a.xml", vocabularyXML(Self.concept("y"), id: "a", uri: "https://example.org/x")),
            ("b.xml", vocabularyXML(Self.concept("xy") + Self.concept("z"), id: "b", uri: "https://example.org/")),
        ])
        #expect(loaded.set.count == 3)
        #expect(loaded.set.key(schemeURI: schemeURI, id: id) == loaded.set.key(forURI: schemeURI + id))
    }

    @Test func referencesResolveByIDSchemeAndURI() {
        let top = " top=\"true\""
        let first = vocabularyXML(
            Self.concept("a", "<related ref=\"two:b\"/>", attributes: top), id: "one", uri: "https://example.org/one/")
        let second = vocabularyXML(
            Self.concept("b", "<related ref=\"https://example.org/one/a\"/>", attributes: top), id: "two",
            uri: "https://example.org/two/")
        let loaded = load([("one.xml", first), ("two.xml", second)])
        #expect(findings(loaded).isEmpty)
        let a = ConceptKey(0)
        #expect(loaded.set.graph.related(of: a) == [ConceptKey(1)])
    }

    @Test func theGraphKnowsWhichConceptsWriteARelationThatNamesNone() {
        let loaded = load(
            vocabularyXML(
                Self.concept("a", "<broader ref=\"b\"/><related ref=\"gone\"/>") + Self.concept("b", "<related ref=\"a\"/>")
                    + Self.concept("c")))
        #expect((0..<3).map { loaded.set.graph.resolvesAllRelations(of: ConceptKey($0)) } == [false, true, true])
    }

    @Test func narrowerIsTheInverseOfBroader() {
        let loaded = load(vocabularyXML(Self.concept("a", "<narrower ref=\"b\"/>") + Self.concept("b")))
        #expect(loaded.set.graph.broader(of: ConceptKey(1)) == [ConceptKey(0)])
        #expect(loaded.set.graph.narrower(of: ConceptKey(0)) == [ConceptKey(1)])
    }

    /// A relation written on both ends, or twice, links the concepts once; each list keeps
    /// the order in which the concepts' relations were written.
    @Test func theGraphListsEachNeighbourOnceInWrittenOrder() {
        let loaded = load(
            vocabularyXML(
                Self.concept("a", "<narrower ref=\"c\"/><narrower ref=\"b\"/><related ref=\"d\"/><related ref=\"d\"/>")
                    + Self.concept("b", "<broader ref=\"a\"/><broader ref=\"d\"/>")
                    + Self.concept("c", "<broader ref=\"a\"/><related ref=\"b\"/>")
                    + Self.concept("d", "<related ref=\"a\"/><narrower ref=\"b\"/>")))
        let graph = loaded.set.graph
        let (a, b, c, d) = (ConceptKey(0), ConceptKey(1), ConceptKey(2), ConceptKey(3))
        #expect(graph.narrower(of: a) == [c, b])
        #expect(graph.broader(of: b) == [a, d])
        #expect(graph.broader(of: c) == [a])
        #expect(graph.narrower(of: d) == [b])
        #expect(graph.related(of: a) == [d])
        #expect(graph.related(of: b) == [c])
        #expect(graph.related(of: c) == [b])
        #expect(graph.related(of: d) == [a])
        #expect(graph.ancestors(of: b) == [a, d])
        #expect(graph.broader(of: a).isEmpty && graph.broader(of: d).isEmpty)
    }
}

@Suite struct LanguageTagTests {
    @Test(arguments: [
        "nl", "en-GB", "zh-Hant-TW", "sr-Latn-RS", "de-CH-1996", "x-private", "en-x-custom", "i-klingon", "es-419",
        "nl-u-co-phonebk",
    ])
    func acceptsWellFormedTags(_ tag: String) {
        #expect(LanguageTag.isWellFormed(tag))
    }

    /// A tag asks for its language, every narrower one (RFC 4647 basic filtering) and the
    /// broader ones it falls back to (RFC 4647 lookup), case aside; never for a sibling or
    /// another that merely starts alike.
    @Test(arguments: [
        (["fr"], "fr-BE", true), (["fr"], "fr", true), (["FR"], "fr-be", true), (["nl-NL"], "nl", true),
        (["nl-NL"], "nl-BE", false), (["fr"], "fry", false), (["fry"], "fr", false), (["nl", "fr"], "fr-CA", true),
        (["zh-Hant"], "zh-Hant-TW", true), (["en"], "", false),
    ])
    func aChoiceIncludesNarrowerLanguages(tags: [String], language: String, included: Bool) {
        #expect(LanguageTag.choice(Set(tags), includes: language) == included)
    }

    @Test(arguments: ["", "e", "english!", "en_GB", "en--GB", "nl-BE-", "123", "en-a", "de-1996-1996", "toolongtag"])
    func rejectsMalformedTags(_ tag: String) {
        #expect(!LanguageTag.isWellFormed(tag))
    }

    /// Well-formed tags of languages there are, and well-formed tags of none: two letters not
    /// of ISO 639-1, and four to eight letters, which BCP 47 reserves.
    @Test(arguments: [
        ("nl", true), ("gsw-CH", true), ("x-intern", true), ("i-klingon", true), ("xy", false), ("dutch", false),
        ("Dutch-NL", false), ("abcd", false),
    ])
    func validTagsNameALanguage(tag: String, isValid: Bool) {
        #expect(LanguageTag.isWellFormed(tag))
        #expect(LanguageTag.isValid(tag) == isValid)
    }

    /// RFC 5646 2.1.1: language lower case, script title case, region capitals, all after a
    /// singleton lower case; a tag that is not well-formed stays as written.
    @Test(arguments: [
        ("nl", "nl"), ("NL", "nl"), ("Nl-be", "nl-BE"), ("nl-BE", "nl-BE"), ("ZH-HANT-tw", "zh-Hant-TW"),
        ("sr-latn-rs", "sr-Latn-RS"), ("es-419", "es-419"), ("DE-CH-1996", "de-CH-1996"), ("en-X-Custom-AB", "en-x-custom-ab"),
        ("X-Private", "x-private"), ("nl-U-CO-Phonebk", "nl-u-co-phonebk"), ("I-Klingon", "i-klingon"), ("EN_gb", "EN_gb"),
        ("", ""), ("gsw-CH", "gsw-CH"), ("nl-Be", "nl-BE"), ("nl-BEL", "nl-bel"), ("nl-BE-1996", "nl-BE-1996"),
    ])
    func tagsAreWrittenInTheirCanonicalCase(tag: String, canonical: String) {
        #expect(LanguageTag.canonicalCase(tag) == canonical)
    }
}
