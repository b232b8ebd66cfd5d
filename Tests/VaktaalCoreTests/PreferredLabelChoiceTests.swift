import Testing

@testable import VaktaalCore

/// Which preferred label replaces a label of a language: its own, else the nearest broader
/// language's, else a narrower one's; never a sibling region's.
@Suite struct PreferredLabelChoiceTests {
    static let concept: Concept = {
        let xml = vocabularyXML(
            #"<concept id="l"><prefLabel xml:lang="nl">leraar</prefLabel><prefLabel xml:lang="nl-BE">leerkracht</prefLabel>"#
                + #"<prefLabel xml:lang="en-GB">teacher</prefLabel><prefLabel xml:lang="de">Lehrer</prefLabel></concept>"#)
        return load(xml).set.vocabularies[0].concepts[0]
    }()

    @Test(arguments: [
        ("nl", "leraar"), ("nl-BE", "leerkracht"), ("nl-be", "leerkracht"), ("nl-NL", "leraar"), ("nl-Latn-SR", "leraar"),
        ("en", "teacher"), ("en-GB-oxendict", "teacher"), ("de-AT", "Lehrer"),
    ])
    func aLabelIsReplacedInItsLanguageOrTheNearestOne(language: String, expected: String) {
        #expect(Self.concept.preferredLabel(writing: language)?.text == expected)
    }

    /// Never another region of the language, nor another language.
    @Test(arguments: ["fr", "", "n", "en-US"])
    func anotherLanguageHasNone(language: String) {
        #expect(Self.concept.preferredLabel(writing: language) == nil)
    }
}
