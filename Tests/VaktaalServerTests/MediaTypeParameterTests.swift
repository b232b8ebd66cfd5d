import Testing

@testable import VaktaalServer

/// Parameters of a media type: names without case, values without their quotes.
@Suite struct MediaTypeParameterTests {
    @Test(arguments: [
        ("text/plain; charset=UTF-8", "charset", "UTF-8"), ("text/plain;Charset=\"utf-8\"", "charset", "utf-8"),
        ("multipart/form-data; boundary=----x", "boundary", "----x"),

        ("text/plain", "charset", nil), ("text/plain; charset", "charset", nil), ("text/plain; boundary=x", "charset", nil),
    ])
    func aParameterIsFoundByItsName(mediaType: String, name: String, expected: String?) {
        #expect(MediaTypeParameter.value(name, in: mediaType) == expected)
    }
}
