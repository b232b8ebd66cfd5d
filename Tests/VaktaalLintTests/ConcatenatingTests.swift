import Testing

@testable import VaktaalLint

/// A message made of parts holds every part in order, byte for byte, whatever their sizes.
@Test(arguments: [
    ("'mentor", "' is outdated", ": use 'werkplekbegeleider'"), ("", "", ""), ("één", "", "😀 ß"),
    (String(repeating: "lang ", count: 100), "kort", ""),
])
func concatenatingHoldsEveryPartInOrder(first: String, second: String, third: String) {
    #expect(Array(String(concatenating: first, second, third).utf8) == Array((first + second + third).utf8))
    #expect(Array(String(concatenating: first).utf8) == Array(first.utf8))
}
