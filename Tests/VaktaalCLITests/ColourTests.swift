import Testing

@testable import vaktaal

/// Reports are coloured on a terminal only, and never when the user asks for none.
@Suite struct ColourTests {
    @Test(arguments: [
        ([:], true, true),
        ([:], false, false),
        (["NO_COLOR": "1"], true, false),
        (["NO_COLOR": ""], true, true),
        (["TERM": "dumb"], true, false),
        (["TERM": "xterm-256color"], true, true),
        (["TERM": "xterm-256color", "NO_COLOR": "yes"], true, false),
    ])
    func colourFollowsTheTerminalAndNoColour(environment: [String: String], isTerminal: Bool, coloured: Bool) {
        #expect(takesColour(environment: environment, isTerminal: isTerminal) == coloured)
    }
}
