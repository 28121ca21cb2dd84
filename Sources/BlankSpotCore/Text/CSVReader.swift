/// A small RFC 4180 reader for tables as spreadsheets export them: fields separated by a comma,
/// a semicolon or a tab (detected from the header line), optional double quotes (with `""` as an
/// escaped quote, and line breaks allowed inside), LF, CRLF or CR line ends, a UTF-8 BOM ignored.
/// Empty lines are skipped.
public struct CSVTable: Sendable {
    /// Header names as written (trimmed).
    public let header: [String]
    /// Data rows with the 1-based line number each starts on.
    public let rows: [(line: Int, fields: [String])]
    /// The field separator: `,`, `;` or a tab.
    public let delimiter: Unicode.Scalar

    /// A spreadsheet in an Indonesian (or most European) locale writes decimal commas and
    /// therefore separates fields with semicolons (or tabs): numbers may use a decimal comma
    /// exactly when the delimiter is not a comma.
    public var allowsDecimalComma: Bool { delimiter != "," }

    /// Parses `text` whose first non-empty line is the header. The delimiter is the one of
    /// `,`, `;` and tab that occurs most often outside quotes in the header line (a comma on a tie
    /// or when none occurs), unless `delimiter` is given.
    /// - Throws: ``InputError`` for an unterminated quote or a file without a header.
    public init(text: String, file: String, delimiter given: Unicode.Scalar? = nil) throws {
        var records: [(Int, [String])] = []
        var fields: [String] = []
        var field = ""
        var inQuotes = false
        var fieldWasQuoted = false
        var line = 1
        var recordLine = 1
        var scalars = Array(text.unicodeScalars)
        if scalars.first == "\u{FEFF}" { scalars.removeFirst() }
        let separator = given ?? Self.detectDelimiter(scalars)
        delimiter = separator
        var i = 0
        func endField() {
            fields.append(fieldWasQuoted ? field : field.trimmingSpaces())
            field = ""
            fieldWasQuoted = false
        }
        func endRecord() {
            endField()
            if !(fields.count == 1 && fields[0].isEmpty) { records.append((recordLine, fields)) }
            fields = []
        }
        while i < scalars.count {
            let c = scalars[i]
            if inQuotes {
                if c == "\"" {
                    if i + 1 < scalars.count && scalars[i + 1] == "\"" {
                        field.unicodeScalars.append("\"")
                        i += 1
                    } else {
                        inQuotes = false
                    }
                } else {
                    if c == "\n" { line += 1 }
                    field.unicodeScalars.append(c)
                }
            } else if c == "\"" && field.trimmingSpaces().isEmpty {
                inQuotes = true
                fieldWasQuoted = true
                field = ""
            } else if c == separator {
                endField()
            } else if c == "\n" || c == "\r" {
                if c == "\r" && i + 1 < scalars.count && scalars[i + 1] == "\n" { i += 1 }
                endRecord()
                line += 1
                recordLine = line
            } else {
                field.unicodeScalars.append(c)
            }
            i += 1
        }
        if inQuotes {
            throw InputError(file: file, location: "line \(recordLine)", message: "a quoted field is not closed before the end of the file")
        }
        if !field.isEmpty || !fields.isEmpty { endRecord() }
        guard let first = records.first else {
            throw InputError(file: file, message: "the file is empty; expected a header line and at least one row")
        }
        header = first.1
        rows = Array(records.dropFirst())
    }

    /// The delimiter of the first non-empty line: the most frequent of `,`, `;`, tab outside
    /// quotes; a comma when none occurs or on a tie.
    static func detectDelimiter(_ scalars: [Unicode.Scalar]) -> Unicode.Scalar {
        var counts: [Unicode.Scalar: Int] = [",": 0, ";": 0, "\t": 0]
        var inQuotes = false
        var sawContent = false
        for c in scalars {
            if c == "\"" { inQuotes.toggle(); sawContent = true; continue }
            if inQuotes { continue }
            if c == "\n" || c == "\r" {
                if sawContent { break } else { continue }
            }
            sawContent = true
            if counts[c] != nil { counts[c]! += 1 }
        }
        var best: Unicode.Scalar = ","
        for candidate in [";", "\t"] as [Unicode.Scalar] where counts[candidate]! > counts[best]! { best = candidate }
        return best
    }

    /// Index of the first header matching one of `names` (case-insensitive).
    public func column(_ names: [String]) -> Int? {
        let lowered = header.map { $0.lowercased() }
        for name in names {
            if let i = lowered.firstIndex(of: name.lowercased()) { return i }
        }
        return nil
    }
}

extension String {
    /// The string without leading and trailing spaces and tabs.
    public func trimmingSpaces() -> String {
        var s = Substring(self)
        while let f = s.first, f == " " || f == "\t" { s = s.dropFirst() }
        while let l = s.last, l == " " || l == "\t" { s = s.dropLast() }
        return String(s)
    }
}
