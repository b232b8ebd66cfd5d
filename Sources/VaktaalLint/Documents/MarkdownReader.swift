/// Markdown: placeholder until the CommonMark reader lands; reads the document as plain text.
enum MarkdownReader {
    static func read(_ bytes: UnsafeBufferPointer<UInt8>, start: Int) -> ReadDocument {
        PlainTextReader.read(bytes, start: start)
    }
}
