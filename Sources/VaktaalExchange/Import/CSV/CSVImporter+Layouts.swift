import VaktaalCore

extension CSVImporter {
    /// The export's own columns: one row per label.
    struct ExportLayout {
        let table: CSVTable
        let path: String
        let options: ImportOptions

        /// The label kind of a status as a spreadsheet may write it (``TermStatus``); an
        /// empty status is an alternative label's.
        static func kind(of status: String) -> LabelKind? {
            status.trimmingSpaces.isEmpty ? .alternative : TermStatus.labelKind(status)
        }

        func run() throws(ImportError) -> ImportResult {
            var order: [String] = []
            var rowsByConcept: [String: [[String]]] = [:]
            // The line of each row in the file, by the row's place among the rows of its concept.
            var linesByConcept: [String: [Int]] = [:]
            var warnings = Tally<String>()
            var skipped = Tally<SKOSImporter.SkipKey>()
            let columns = table.header.map { $0.lowercased() }
            // The first column of each of the export's names is read (a second of a name is not).
            for (column, example) in table.unreadCells({
                CSVExporter.header.contains(columns[$0]) && columns.firstIndex(of: columns[$0]) == $0
            }) {
                skipped.add(
                    SKOSImporter.SkipKey(what: column, reason: "a column the export's layout does not have"), example: example)
            }
            let deprecatedColumn = columns.firstIndex(of: "deprecated")
            let replacedByColumn = columns.firstIndex(of: "replaced_by")
            let width = max(CSVImporter.exportColumns.count, columns.count)
            let language = CSVImporter.mostCommon(
                table.rows.map { $0.fields.count > 2 ? $0.fields[2].trimmingSpaces : "" }, options.defaultLanguage)
            let lines = table.rows.map(\.line)
            let rows = table.rows.map { (line, fields, _) in
                var row = fields + Array(repeating: "", count: max(0, width - fields.count))
                row[0] = row[0].trimmingSpaces
                row[1] = row[1].trimmingSpaces
                row[2] = LanguageTag.canonicalCase(row[2].trimmingSpaces)
                if row[2].isEmpty {
                    // As in the minimal layout: --lang, else the sheet's language, else text of no language.
                    row[2] = options.defaultLanguage ?? language ?? ""
                    if row[2].isEmpty {
                        warnings.add("rows without a language, and no language known (give --lang)", example: "line \(line)")
                    }
                }
                return row
            }
            // The concept of each preferred term (by language) the rows with an id give.
            var conceptOfPreferred: [String: String] = [:]
            for row in rows where !row[0].isEmpty && Self.kind(of: row[4]) == .preferred {
                conceptOfPreferred["\(row[2])\u{0}\(row[3])"] = conceptOfPreferred["\(row[2])\u{0}\(row[3])"] ?? row[0]
            }
            for (row, line) in zip(rows, lines) {
                // A row added by hand without an id joins the concept of its preferred term.
                let preferred = "\(row[2])\u{0}\(row[5].isEmpty ? row[3] : row[5])"
                let key = row[0].isEmpty ? conceptOfPreferred[preferred] ?? "\u{0}" + preferred : row[0]
                if rowsByConcept[key] == nil { order.append(key) }
                rowsByConcept[key, default: []].append(row)
                linesByConcept[key, default: []].append(line)
            }
            guard !order.isEmpty else { throw .noRows(path: path) }
            // The ids the sheet gives are kept; a missing or invalid one is made from the preferred term.
            var taken = Set(order.filter(Vocabulary.isValidConceptID))
            let ids = Dictionary(
                uniqueKeysWithValues: order.map { key in
                    let row = rowsByConcept[key]?.first ?? []
                    if Vocabulary.isValidConceptID(key) { return (key, key) }
                    // A row with a URI keeps the id its URI ends in.
                    let fromURI = row.count > 1 && !row[1].isEmpty ? ConceptIdentifiers.stem(row[1]) : ""
                    if Vocabulary.isValidConceptID(fromURI), taken.insert(fromURI).inserted { return (key, fromURI) }
                    let name = row.count > 5 ? [row[5], row[3], row[0]].first { !$0.isEmpty } ?? "" : key
                    return (key, CSVImporter.conceptID(name, taken: &taken))
                })
            // Rows added without a URI take the base the others share.
            let uris = order.compactMap { rowsByConcept[$0]?.first?[1] }.filter { !$0.isEmpty }
            let base = uris.isEmpty ? nil : ConceptIdentifiers.chooseBase(uris, schemeURI: nil)
            var vocabulary = CSVImporter.vocabulary(path: path, options: options, base: base, language: language)
            var idsByName: [String: [String: String]] = [:]
            // The key of each concept made, in order.
            var madeKeys: [String] = []
            for key in order {
                guard let rows = rowsByConcept[key], let id = ids[key] else { continue }
                var concept = Concept(id: id)
                if let base, let uri = rows.first?[1], !uri.isEmpty, !uri.hasPrefix(base) {
                    concept.mappings.append(Mapping(kind: .exactMatch, target: .uri(uri)))
                }
                for (row, line) in zip(rows, linesByConcept[key] ?? []) {
                    // A status that is not known could say the term is forbidden: the term is
                    // left out, and said to be, rather than allowed.
                    guard let kind = Self.kind(of: row[4]) else {
                        skipped.add(
                            SKOSImporter.SkipKey(what: "label '\(row[3])'", reason: "a status there is no label kind for"),
                            example: "line \(line): \(row[4])")
                        continue
                    }
                    concept.labels.append(
                        Label(
                            kind: kind, text: row[3], declaredLanguage: row[2] == language || row[2].isEmpty ? nil : row[2],
                            language: row[2]))
                    if kind == .preferred { idsByName[row[2], default: [:]][row[3]] = id }
                    // Each row of a concept may repeat its definition; another one is kept too.
                    if !row[6].isEmpty,
                        !concept.notes.contains(where: { $0.kind == .definition && $0.language == row[2] && $0.text == row[6] })
                    {
                        concept.notes.append(
                            Note(
                                kind: .definition, text: row[6],
                                declaredLanguage: row[2] == language || row[2].isEmpty ? nil : row[2],
                                language: row[2]))
                    }
                }
                // A spreadsheet writes the flag back as TRUE (WAAR in Dutch).
                if let deprecatedColumn,
                    rows.contains(where: {
                        ["true", "waar", "1", "yes", "ja"].contains($0[deprecatedColumn].trimmingSpaces.lowercased())
                    })
                {
                    concept.isDeprecated = true
                    let replacement = replacedByColumn.flatMap { column in
                        rows.lazy.map { $0[column].trimmingSpaces }.first { !$0.isEmpty }
                    }
                    concept.replacedBy = replacement
                }
                // A concept all of whose rows were left out is no concept.
                guard !concept.labels.isEmpty else {
                    skipped.add(
                        SKOSImporter.SkipKey(
                            what: "concept '\(id)'", reason: "none of its labels has a status there is a kind for"),
                        example: "line \(linesByConcept[key]?.first ?? 0)")
                    continue
                }
                vocabulary.concepts.append(concept)
                madeKeys.append(key)
            }
            // Broader concepts are named by their preferred label in the row's language (in
            // another language when the broader concept has none in this one).
            let languages = idsByName.keys.sorted()
            for index in vocabulary.concepts.indices {
                guard let rows = rowsByConcept[madeKeys[index]] else { continue }
                var seen = Set<String>()
                for row in rows where !row[7].isEmpty {
                    for name in row[7].split(separator: ";").map({ String($0).trimmingSpaces }) {
                        guard
                            let target = idsByName[row[2]]?[name]
                                ?? languages.lazy.compactMap({ idsByName[$0]?[name] }).first
                        else {
                            warnings.add("broader concepts named in the sheet but not found", example: name)
                            continue
                        }
                        if seen.insert(target).inserted {
                            vocabulary.concepts[index].relations.append(ConceptRelation(kind: .broader, reference: target))
                        }
                    }
                }
            }
            let report = ImportReport(
                format: .csv, sourceItems: table.rows.count,
                skipped: skipped.entries.map {
                    ImportReport.Skipped(what: $0.key.what, reason: $0.key.reason, count: $0.count, example: $0.example)
                },
                warnings: warnings.entries.map { ImportReport.Warning(message: $0.key, count: $0.count, example: $0.example) })
            return ImportResult(vocabularies: [vocabulary], report: report)
        }
    }

    /// The minimal layout: preferred term, outdated terms, language.
    struct MinimalLayout {
        let table: CSVTable
        let columns: [String]
        let path: String
        let options: ImportOptions

        static let names: [String: [String]] = [
            "preferred": ["preferred", "preferred term", "preferredterm", "preflabel", "term", "voorkeursterm", "voorkeur"],
            "outdated": [
                "outdated", "outdated term", "outdated terms", "deprecated", "deprecatedlabel", "verouderd", "verouderde term",
            ],
            "language": ["language", "lang", "taal"],
            "alternative": ["alternative", "alternatives", "altlabel", "synonym", "synonyms", "synoniem", "synoniemen"],
            "definition": ["definition", "definitie"],
            "concept": ["concept", "concept_id", "id"],
        ]

        func column(_ name: String) -> Int? {
            let accepted = Self.names[name] ?? [name]
            return columns.firstIndex { accepted.contains($0) }
        }

        func run() throws(ImportError) -> ImportResult {
            guard let preferredColumn = column("preferred") else {
                throw .malformed(
                    path: path, position: .start,
                    message: "the header has no column 'preferred' (the minimal layout is: preferred, outdated, language)")
            }
            let outdatedColumn = column("outdated")
            let languageColumn = column("language")
            let alternativeColumn = column("alternative")
            let definitionColumn = column("definition")
            let conceptColumn = column("concept")
            var skipped = Tally<SKOSImporter.SkipKey>()
            var warnings = Tally<String>()
            let known = Set(
                [preferredColumn, outdatedColumn, languageColumn, alternativeColumn, definitionColumn, conceptColumn].compactMap {
                    $0
                })
            for (column, example) in table.unreadCells(known.contains) {
                skipped.add(
                    SKOSImporter.SkipKey(what: column, reason: "a column the minimal layout does not have"), example: example)
            }
            let languages = table.rows.compactMap { row in
                languageColumn.flatMap { $0 < row.fields.count ? row.fields[$0].trimmingSpaces : nil }
            }
            let language = options.defaultLanguage ?? CSVImporter.mostCommon(languages, nil)
            var vocabulary = CSVImporter.vocabulary(path: path, options: options, base: nil, language: language)
            var conceptByKey: [String: Int] = [:]
            var taken = Set<String>()
            let listSeparator: Character = table.separator == UInt8(ascii: ";") ? "|" : ";"
            for (line, fields, _) in table.rows {
                func cell(_ column: Int?) -> String {
                    guard let column, column < fields.count else { return "" }
                    return fields[column].trimmingSpaces
                }
                func list(_ column: Int?) -> [String] {
                    cell(column).split(separator: listSeparator).map { String($0).trimmingSpaces }.filter { !$0.isEmpty }
                }
                let preferred = cell(preferredColumn)
                guard !preferred.isEmpty else {
                    warnings.add("rows without a preferred term left out", example: "line \(line)")
                    continue
                }
                var rowLanguage = LanguageTag.canonicalCase(cell(languageColumn))
                if rowLanguage.isEmpty {
                    rowLanguage = language ?? ""
                    if language == nil {
                        // As SKOS import: text of no language, written without an empty xml:lang.
                        warnings.add("rows without a language, and no language known (give --lang)", example: "line \(line)")
                    } else if languageColumn != nil {
                        warnings.add("rows without a language given the default language", example: "line \(line)")
                    }
                }
                let key = cell(conceptColumn).isEmpty ? "\(rowLanguage)\u{0}\(preferred)" : "id\u{0}\(cell(conceptColumn))"
                let index: Int
                if let known = conceptByKey[key] {
                    index = known
                } else {
                    let id =
                        cell(conceptColumn).isEmpty || !Vocabulary.isValidConceptID(cell(conceptColumn))
                        ? CSVImporter.conceptID(preferred, taken: &taken) : cell(conceptColumn)
                    taken.insert(id)
                    index = vocabulary.concepts.count
                    conceptByKey[key] = index
                    vocabulary.concepts.append(Concept(id: id))
                }
                let declared = rowLanguage == language || rowLanguage.isEmpty ? nil : rowLanguage
                func add(_ kind: LabelKind, _ text: String) {
                    guard
                        !vocabulary.concepts[index].labels.contains(where: {
                            $0.kind == kind && $0.text == text && $0.language == rowLanguage
                        })
                    else { return }
                    vocabulary.concepts[index].labels.append(
                        Label(kind: kind, text: text, declaredLanguage: declared, language: rowLanguage))
                }
                if vocabulary.concepts[index].preferredLabel(in: rowLanguage) == nil {
                    add(.preferred, preferred)
                } else if vocabulary.concepts[index].preferredLabel(in: rowLanguage)?.text != preferred {
                    add(.alternative, preferred)
                }
                for term in list(outdatedColumn) { add(.deprecated, term) }
                for term in list(alternativeColumn) { add(.alternative, term) }
                let definition = cell(definitionColumn)
                if !definition.isEmpty,
                    !vocabulary.concepts[index].notes.contains(where: {
                        $0.kind == .definition && $0.language == rowLanguage && $0.text == definition
                    })
                {
                    vocabulary.concepts[index].notes.append(
                        Note(kind: .definition, text: definition, declaredLanguage: declared, language: rowLanguage))
                }
            }
            guard !vocabulary.concepts.isEmpty else { throw .noRows(path: path) }
            let report = ImportReport(
                format: .csv, sourceItems: table.rows.count,
                skipped: skipped.entries.map {
                    ImportReport.Skipped(what: $0.key.what, reason: $0.key.reason, count: $0.count, example: $0.example)
                },
                warnings: warnings.entries.map { ImportReport.Warning(message: $0.key, count: $0.count, example: $0.example) })
            return ImportResult(vocabularies: [vocabulary], report: report)
        }
    }
}
