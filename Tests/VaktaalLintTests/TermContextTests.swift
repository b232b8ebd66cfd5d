import Testing

@testable import VaktaalLint

/// Where a term stands: at a sentence start, and in a line of capitals (a heading).
@Suite struct TermContextTests {
    struct Example: Sendable, CustomTestStringConvertible {
        let text: String
        let term: String
        let startsSentence: Bool
        let inCapitals: Bool

        var testDescription: String { "'\(term)' in '\(text.prefix(40))'" }
    }

    static let examples: [Example] = [
        Example(text: "Mentor komt.", term: "Mentor", startsSentence: true, inCapitals: false),
        Example(text: "De Mentor komt.", term: "Mentor", startsSentence: false, inCapitals: false),
        Example(text: "Klaar. Mentor komt.", term: "Mentor", startsSentence: true, inCapitals: false),
        Example(text: "Zie: „Mentor” hier.", term: "Mentor", startsSentence: true, inCapitals: false),
        Example(text: "DE MENTOR KOMT", term: "MENTOR", startsSentence: false, inCapitals: true),
        Example(text: "DE MENTOR komt", term: "MENTOR", startsSentence: false, inCapitals: false),
        Example(text: "de MENTOR KOMT", term: "MENTOR", startsSentence: false, inCapitals: false),
        Example(text: "Zie hier.\nMENTOR\nmeer tekst", term: "MENTOR", startsSentence: true, inCapitals: true),
        Example(text: "ÉÉN MENTOR", term: "MENTOR", startsSentence: false, inCapitals: true),
        Example(text: "één MENTOR", term: "MENTOR", startsSentence: false, inCapitals: false),
        Example(text: "DE MENTOR ÉN mentorschap", term: "MENTOR", startsSentence: false, inCapitals: false),
        // A line longer than a heading is prose, whatever its letters.
        Example(
            text: String(repeating: "HOOFDSTUK ", count: 40) + "MENTOR", term: "MENTOR", startsSentence: false, inCapitals: false),
        Example(text: "DE ÉÉN-MENTOR", term: "ÉÉN-MENTOR", startsSentence: false, inCapitals: true),
        Example(text: "De één-Mentor", term: "één-Mentor", startsSentence: false, inCapitals: false),
    ]

    @Test(arguments: examples)
    func contextOfATerm(_ example: Example) throws {
        let bytes = Array(example.text.utf8)
        let term = Array(example.term.utf8)
        let start = try #require(
            (0...(bytes.count - term.count)).last { bytes[$0..<$0 + term.count].elementsEqual(term) })
        let context = bytes.withUnsafeBufferPointer {
            TermContext.of(start..<start + term.count, in: $0, bounds: 0..<$0.count)
        }
        #expect(context == TermContext(startsSentence: example.startsSentence, inCapitals: example.inCapitals))
    }
}
