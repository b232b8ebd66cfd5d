import CLibXML2

/// Initialises libxml2 exactly once, before any parse, and installs an external entity
/// loader that refuses every request, so no parse can ever read a file or the network.
///
/// Global `let`s are initialised lazily and exactly once, which makes this thread-safe.
let libxmlReady: Void = {
    xmlInitParser()
    vaktaal_install_entity_loader()
}()

/// Copies a NUL-terminated libxml2 string into a Swift `String`.
@inline(__always)
func string(_ pointer: UnsafePointer<xmlChar>?) -> String {
    guard let pointer else { return "" }
    return String(cString: pointer)
}

/// Copies a libxml2 byte range `[start, end)` (not NUL-terminated) into a Swift `String`.
@inline(__always)
func string(from start: UnsafePointer<xmlChar>?, to end: UnsafePointer<xmlChar>?) -> String {
    guard let start, let end, end > start else { return "" }
    return String(decoding: UnsafeBufferPointer(start: start, count: end - start), as: UTF8.self)
}
