import Foundation

/// The one JSON encoder of every output (`run.json`, `summary.json`, `profile --json`).
///
/// Keys follow one rule: snake case, with a unit as its own word at the end of the name
/// (`frequency_mhz`, `basic_transmission_loss_db`, `cell_size_m`). Swift property names carry
/// their unit the Swift way (`frequencyMHz`, `valueDB`); a mechanical camel-case split would turn
/// unit spellings such as `MHz` into two words (`m_hz`), so those spellings are rewritten as
/// single words before the split.
public enum OutputJSON {
    /// Unit spellings in Swift names and the single word each becomes. Longest first, so that
    /// `DBuVPerM` is matched before `DB`.
    static let unitSpellings: [(swift: String, word: String)] = [
        ("MHz", "Mhz"), ("GHz", "Ghz"), ("DBm", "Dbm"), ("DBi", "Dbi"),
    ]

    /// Names whose parts a split cannot tell apart: one-letter axes before a one-letter unit, and
    /// the field strength for 1 kW e.r.p. (ITU-R P.1812 eq. 70), whose unit is dBµV/m.
    static let spelledOut: [String: String] = [
        "originXM": "origin_x_m", "originYM": "origin_y_m",
        "fieldStrength1kWDBuVm": "field_strength_dbuv_per_m_1kw",
    ]

    /// The output key for a Swift property name.
    public static func key(_ name: String) -> String {
        if let fixed = spelledOut[name] { return fixed }
        var s = name
        for (swift, word) in unitSpellings { s = s.replacingOccurrences(of: swift, with: word) }
        let chars = Array(s)
        var out = ""
        for (i, c) in chars.enumerated() {
            if c.isUppercase && i > 0 {
                let previous = chars[i - 1]
                let nextIsLower = i + 1 < chars.count && chars[i + 1].isLowercase
                if previous.isLowercase || previous.isNumber || (previous.isUppercase && nextIsLower) { out += "_" }
            }
            out += c.lowercased()
        }
        return out
    }

    /// A JSON encoder with sorted keys, indentation and the key rule above.
    public static func encoder() -> JSONEncoder {
        let e = JSONEncoder()
        e.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        e.keyEncodingStrategy = .custom { path in
            let last = path.last!
            // Dictionary keys (parameters, counts, timings) are written as given.
            if last.intValue != nil { return last }
            return PlainKey(key(last.stringValue))
        }
        return e
    }

    /// A JSON decoder for files this encoder wrote (a tiled run's plan.json and tile.json):
    /// each key turned back into its Swift name by ``swiftName(_:)``.
    public static func decoder() -> JSONDecoder {
        let d = JSONDecoder()
        d.keyDecodingStrategy = .custom { path in
            let last = path.last!
            if last.intValue != nil { return last }
            return PlainKey(swiftName(last.stringValue))
        }
        return d
    }

    /// Acronyms spelled in capitals in Swift names, as ``key(_:)``'s split leaves them.
    static let acronyms: [(split: String, swift: String)] = [("Wkt", "WKT"), ("Utc", "UTC")]

    /// The Swift property name of an output key: the inverse of ``key(_:)`` for the names the
    /// decoded files use (camel case from the words, unit spellings and acronyms restored).
    /// Dictionary keys are not names and are never turned.
    public static func swiftName(_ key: String) -> String {
        if let fixed = spelledOut.first(where: { $0.value == key })?.key { return fixed }
        let words = key.split(separator: "_", omittingEmptySubsequences: false)
        guard words.count > 1 else { return key }
        var s = String(words[0])
        for w in words.dropFirst() { s += w.prefix(1).uppercased() + w.dropFirst() }
        for (swift, word) in unitSpellings { s = s.replacingOccurrences(of: word, with: swift) }
        for (split, swift) in acronyms where s.hasSuffix(split) { s = String(s.dropLast(split.count)) + swift }
        return s
    }

    struct PlainKey: CodingKey {
        var stringValue: String
        var intValue: Int? { nil }
        init(_ s: String) { stringValue = s }
        init?(stringValue: String) { self.stringValue = stringValue }
        init?(intValue: Int) { nil }
    }
}
