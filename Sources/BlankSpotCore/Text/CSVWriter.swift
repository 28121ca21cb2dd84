/// Writes RFC 4180 CSV: fields with a comma, quote or line break are quoted, quotes doubled.
public enum CSVWriter {
    public static func line(_ fields: [String]) -> String {
        fields.map { f in
            f.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" })
                ? "\"" + f.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : f
        }.joined(separator: ",") + "\n"
    }

    /// A number with at most `decimals` decimals and no trailing zeros ("30", "29.2").
    public static func number(_ v: Double, decimals: Int = 6) -> String {
        guard v.isFinite else { return "" }
        var s = String(format: "%.\(decimals)f", v)
        if s.contains(".") {
            while s.hasSuffix("0") { s.removeLast() }
            if s.hasSuffix(".") { s.removeLast() }
        }
        return s == "-0" ? "0" : s
    }
}

import Foundation
