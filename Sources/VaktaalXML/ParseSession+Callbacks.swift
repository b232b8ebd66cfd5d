import CLibXML2

/// The libxml2 SAX2 callbacks. Each recovers its ``ParseSession`` from the user data.
extension ParseSession {
    /// The session libxml2 calls back into; it always passes the user data it was given.
    static func session(_ userData: UnsafeMutableRawPointer?) -> ParseSession {
        guard let userData else { preconditionFailure("libxml2 called back without the session") }
        return Unmanaged<ParseSession>.fromOpaque(userData).takeUnretainedValue()
    }

    static func makeHandler() -> xmlSAXHandler {
        var sax = xmlSAXHandler()
        sax.initialized = XML_SAX2_MAGIC
        sax.startElementNs = { userData, localName, prefix, uri, namespaceCount, namespaces, attributeCount, _, attributes in
            ParseSession.session(userData).startElement(
                localName: localName, prefix: prefix, uri: uri,
                namespaceCount: Int(namespaceCount), namespaces: namespaces,
                attributeCount: Int(attributeCount), attributes: attributes)
        }
        sax.endElementNs = { userData, localName, prefix, uri in
            let session = ParseSession.session(userData)
            guard session.failure == nil else { return }
            session.depth -= 1
            let start = session.markupStart(before: session.consumedOffset)
            session.flushText(upTo: start)
            let name = XMLName(
                localName: session.interned(localName), prefix: prefix.map { session.interned($0) },
                namespaceURI: uri.map { session.interned($0) })
            let position = session.allPositions ? session.tracker.position(at: start) : .start
            session.markupEnded()
            session.handler.endElement(name, at: position, bytes: start..<max(start, session.textStartOffset))
        }
        sax.characters = { userData, characters, length in
            guard let characters, length > 0 else { return }
            ParseSession.session(userData).gatherText(UnsafeBufferPointer(start: characters, count: Int(length)))
        }
        sax.cdataBlock = sax.characters
        sax.comment = { userData, value in
            let session = ParseSession.session(userData)
            guard session.failure == nil else { return }
            let start = session.commentStart(before: session.consumedOffset)
            session.flushText(upTo: start)
            let position = session.allPositions ? session.tracker.position(at: start) : .start
            session.handler.comment(string(value), at: position)
            session.markupEnded()
        }
        sax.processingInstruction = { userData, target, data in
            let session = ParseSession.session(userData)
            guard session.failure == nil else { return }
            let start = session.processingInstructionStart(before: session.consumedOffset)
            session.flushText(upTo: start)
            let position = session.allPositions ? session.tracker.position(at: start) : .start
            session.handler.processingInstruction(target: string(target), data: string(data), at: position)
            session.markupEnded()
        }
        sax.internalSubset = { userData, _, _, _ in
            let session = ParseSession.session(userData)
            let start = session.markupStart(before: session.consumedOffset)
            if session.acceptsDTDName, session.doctypeEndsAfterItsIdentifiers(at: session.consumedOffset) { return }
            session.fail(.doctypeNotAllowed(path: session.path, position: session.tracker.position(at: start)))
        }
        sax.serror = { userData, error in
            guard let error else { return }
            ParseSession.session(userData).recordError(error.pointee)
        }
        return sax
    }

    func startElement(
        localName: UnsafePointer<xmlChar>?, prefix: UnsafePointer<xmlChar>?, uri: UnsafePointer<xmlChar>?,
        namespaceCount: Int, namespaces: UnsafeMutablePointer<UnsafePointer<xmlChar>?>?,
        attributeCount: Int, attributes: UnsafeMutablePointer<UnsafePointer<xmlChar>?>?
    ) {
        guard failure == nil else { return }
        let end = consumedOffset
        let start = markupStart(before: end)
        flushText(upTo: start)
        let position = startTagPositions ? tracker.position(at: start) : .start
        depth += 1
        if depth > XMLStreamParser.maximumDepth {
            fail(
                .malformed(
                    path: path, position: tracker.position(at: start),
                    message: "elements are nested more than \(XMLStreamParser.maximumDepth) levels deep"))
            return
        }
        var declarations: [XMLNamespaceDeclaration] = []
        if let namespaces {
            for index in 0..<namespaceCount {
                let declaredPrefix = namespaces[2 * index].map { interned($0) }
                declarations.append(
                    XMLNamespaceDeclaration(prefix: declaredPrefix, uri: namespaces[2 * index + 1].map { interned($0) } ?? ""))
            }
        }
        // The list of the last tag is reused: unless the handler kept it, it is ours alone again.
        var list = spareAttributes
        spareAttributes = []
        list.removeAll(keepingCapacity: true)
        if let attributes, attributeCount > 0 {
            let nameOffsets = allPositions ? attributeNameOffsets(from: start, to: end) : []
            list.reserveCapacity(attributeCount)
            for index in 0..<attributeCount {
                let fields = attributes + 5 * index
                let name = XMLName(
                    localName: interned(fields[0]), prefix: fields[1].map { interned($0) },
                    namespaceURI: fields[2].map { interned($0) })
                let offset = index < nameOffsets.count ? nameOffsets[index] : start
                list.append(
                    XMLAttribute(
                        name: name, value: attributeValue(from: fields[3], to: fields[4]),
                        position: allPositions ? tracker.position(at: offset) : .start))
            }
        }
        markupEnded()
        let tag = XMLStartTag(
            name: XMLName(
                localName: interned(localName), prefix: prefix.map { interned($0) }, namespaceURI: uri.map { interned($0) }),
            attributes: list, namespaceDeclarations: declarations, position: position,
            bytes: start..<max(start, textStartOffset))
        handler.startElement(tag)
        spareAttributes = tag.attributes
    }

    /// An attribute value as libxml2 passes it. Without entity substitution it writes every
    /// ampersand (`&amp;`, `&#38;`, `&#x26;`) as `&#38;`, and there is no other way for an
    /// ampersand to be there, so each `&#38;` is one ampersand.
    func attributeValue(from start: UnsafePointer<xmlChar>?, to end: UnsafePointer<xmlChar>?) -> String {
        guard let start, let end, end > start else { return "" }
        let raw = UnsafeBufferPointer(start: start, count: end - start)
        guard raw.contains(UInt8(ascii: "&")) else { return String(decoding: raw, as: UTF8.self) }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(raw.count)
        var index = 0
        while index < raw.count {
            bytes.append(raw[index])
            index += raw[index] == UInt8(ascii: "&") && index + 4 < raw.count && raw[index + 4] == UInt8(ascii: ";") ? 5 : 1
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Where each attribute name starts in the raw start tag `buffer[start..<end]`, in
    /// source order, leaving out namespace declarations: libxml2 reports attributes in the
    /// same order, so the n-th offset belongs to the n-th attribute.
    func attributeNameOffsets(from start: Int, to end: Int) -> [Int] {
        var offsets: [Int] = []
        var index = start + 1
        func isNameEnd(_ byte: UInt8) -> Bool {
            isXMLSpace(byte) || byte == UInt8(ascii: "=") || byte == UInt8(ascii: ">") || byte == UInt8(ascii: "/")
        }
        while index < end, !isNameEnd(buffer[index]) { index += 1 }
        while index < end {
            while index < end, isXMLSpace(buffer[index]) { index += 1 }
            let nameStart = index
            while index < end, !isNameEnd(buffer[index]) { index += 1 }
            guard index > nameStart else { break }
            if !isNamespaceDeclaration(nameStart, index) { offsets.append(nameStart) }
            while index < end, buffer[index] != UInt8(ascii: "\""), buffer[index] != UInt8(ascii: "'") { index += 1 }
            guard index < end else { break }
            let quote = buffer[index]
            index += 1
            while index < end, buffer[index] != quote { index += 1 }
            index += 1
        }
        return offsets
    }

    /// Whether `buffer[start..<end]` is `xmlns` or `xmlns:…`.
    private func isNamespaceDeclaration(_ start: Int, _ end: Int) -> Bool {
        guard end - start >= 5, buffer[start] == UInt8(ascii: "x"), buffer[start + 1] == UInt8(ascii: "m"),
            buffer[start + 2] == UInt8(ascii: "l"), buffer[start + 3] == UInt8(ascii: "n"), buffer[start + 4] == UInt8(ascii: "s")
        else { return false }
        return end - start == 5 || buffer[start + 5] == UInt8(ascii: ":")
    }
}
