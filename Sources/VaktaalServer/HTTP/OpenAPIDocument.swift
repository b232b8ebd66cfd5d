import Hummingbird

/// The OpenAPI 3.1 description of the API (`Resources/openapi.json`, compiled in at build
/// time), served at `/openapi.json`. A test keeps it and the router in step.
public enum OpenAPIDocument {
    /// The document's text.
    public static let text: String = embeddedResources.first { $0.name == "openapi.json" }?.text ?? "{}"

    static func response() -> Response {
        Response(
            status: .ok, headers: [.contentType: "application/json; charset=utf-8", .cacheControl: "no-cache"],
            body: .init(byteBuffer: ByteBuffer(string: text)))
    }
}
