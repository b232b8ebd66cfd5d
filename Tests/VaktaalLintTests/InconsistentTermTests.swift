import Testing
import VaktaalCore

@testable import VaktaalLint

/// Which of two labels of one concept stays, beyond the rule's examples.
@Suite struct InconsistentTermTests {
    static let linter = fixtureLinter(
        """
        <concept id="c"><prefLabel>gamma</prefLabel><altLabel>alfa</altLabel><altLabel>beta</altLabel></concept>
        """)

    static func reported(_ text: String) -> [String?] {
        lint(text, linter: linter).filter { $0.rule == "inconsistent-term" }.map(\.match)
    }

    @Test(arguments: [
        ("alfa en beta", "beta"), ("beta en alfa", "alfa"), ("alfa, beta, beta", "alfa"), ("gamma en alfa", "alfa"),
        ("alfa, alfa en gamma", "gamma"),
    ])
    func theMostUsedThenThePreferredThenTheFirstUsedLabelStays(text: String, reported: String) {
        #expect(Self.reported(text) == [reported])
    }

    @Test(arguments: ["alfa en alfa", "gamma, gamma", "Gamma en gamma"])
    func oneLabelUsedOftenIsConsistent(text: String) {
        #expect(Self.reported(text).isEmpty)
    }
}
