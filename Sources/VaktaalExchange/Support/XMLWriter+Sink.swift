import VaktaalXML

extension XMLWriter {
    /// Hands the bytes written so far to `sink` once they pass ``ByteBuffer/chunkSize``.
    mutating func flushIfFull(to sink: any ExportSink) {
        if bytes.count >= ByteBuffer.chunkSize { drain { $0.withUnsafeBytes(sink.write) } }
    }

    /// Hands the rest to `sink` and ends the file.
    mutating func finish(to sink: any ExportSink) {
        drain { $0.withUnsafeBytes(sink.write) }
        sink.end()
    }
}
