import Testing
import VaktaalTestSupport

@testable import VaktaalCore

/// The vocabulary the project ships is valid and holds the terms of the presentation.
@Suite struct ShippedVocabularyTests {
    static let loaded = try! VocabularyLoader.load(path: repositoryRoot + "/Vocabulary")

    func concept(_ id: String) throws -> Concept {
        let set = Self.loaded.set
        return set[try #require(set.keys.first { set[$0].id == id }, "no concept '\(id)'")]
    }

    @Test func checksWithoutErrors() {
        let errors = VocabularyChecker.check(Self.loaded).filter { $0.severity == .error }
        #expect(errors.isEmpty, "\(errors)")
    }

    @Test func hasEnoughConceptsEachWithDutchAndEnglishAndADutchDefinition() {
        let set = Self.loaded.set
        #expect(set.count >= 35)
        for key in set.keys where !set[key].isDeprecated {
            let concept = set[key]
            #expect(concept.preferredLabel(in: "nl") != nil && concept.preferredLabel(in: "en") != nil, "\(concept.id)")
            #expect(concept.notes(.definition).contains { $0.language == "nl" }, "\(concept.id)")
        }
    }

    @Test(arguments: [
        "werkplekbegeleider", "aankomend-leraar", "instituutsopleider", "schoolopleider", "onderwijsprofessional",
        "leeruitkomst", "flexibel-opleiden", "leerroute", "opleidingsvariant", "doelgroep", "voltijd", "deeltijd",
        "feedback", "feed-up", "feed-forward", "feedbackcultuur", "feedbackgeletterdheid", "self-efficacy", "kennisclip",
        "leerlandschap", "professionaliseringsaanbod", "rolbeschrijving", "begeleidingsstijl", "partnerschap",
        "amsterdamse-onderwijsregio", "inholland", "ipabo", "hogeschool-van-amsterdam",
    ])
    func containsTheTermsOfThePresentation(_ id: String) throws {
        _ = try concept(id)
    }

    @Test func recordsTheOutdatedAndMisspeltTerms() throws {
        let mentor = try #require(try concept("werkplekbegeleider").labels(.deprecated).first { $0.text == "mentor" })
        #expect(mentor.plurals == ["mentoren", "mentors"])
        #expect(try concept("aankomend-leraar").labels(.alternative).contains { $0.text == "student" })
        #expect(try concept("feedbackgeletterdheid").labels(.hidden).contains { $0.text == "feedbackgeletterheid" })
        #expect(try concept("self-efficacy").labels(.hidden).contains { $0.text == "self efficacy" })
        let abbreviations = try ["voltijd", "deeltijd"].map {
            try concept($0).labels(.alternative).first { $0.isAbbreviation }?.text
        }
        #expect(abbreviations == ["VT", "DT"])
        for (id, outdated) in [("inholland", "InHolland"), ("ipabo", "IPABO"), ("hogeschool-van-amsterdam", "HVA")] {
            let label = try #require(try concept(id).labels(.deprecated).first { $0.text == outdated })
            #expect(label.isCaseSensitive)
        }
        #expect(try concept("hogeschool-van-amsterdam").labels(.alternative).contains { $0.text == "HvA" && $0.isCaseSensitive })
    }
}
