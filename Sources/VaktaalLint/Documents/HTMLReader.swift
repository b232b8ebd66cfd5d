/// HTML: placeholder until the libxml2 HTML reader lands; reads the document as plain text.
enum HTMLReader {
    static func read(_ bytes: UnsafeBufferPointer<UInt8>, start: Int) -> ReadDocument {
        PlainTextReader.read(bytes, start: start)
    }
}
