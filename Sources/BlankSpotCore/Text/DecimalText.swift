/// Numbers as people type them into spreadsheets, read strictly: an optional sign, digits, an
/// optional decimal separator with digits, an optional exponent. Nothing else is a number: not
/// `nan`, `inf`, hexadecimal, units (`31m`) or thousands separators (`10,758,096.0`). The
/// decimal separator is a point, or a comma where the table allows one
/// (``CSVTable/allowsDecimalComma``).
public enum DecimalText {
    /// The value of `text` (spaces around it ignored), or nil when it is not a plain decimal.
    public static func parse(_ text: String, decimalComma: Bool = false) -> Double? {
        let t = text.trimmingSpaces()
        var chars = Array(t.utf8)
        guard !chars.isEmpty else { return nil }
        var i = 0
        if chars[i] == UInt8(ascii: "+") || chars[i] == UInt8(ascii: "-") { i += 1 }
        var digits = 0
        while i < chars.count, chars[i] >= 48, chars[i] <= 57 { i += 1; digits += 1 }
        if i < chars.count, chars[i] == UInt8(ascii: ".") || (decimalComma && chars[i] == UInt8(ascii: ",")) {
            chars[i] = UInt8(ascii: ".")
            i += 1
            while i < chars.count, chars[i] >= 48, chars[i] <= 57 { i += 1; digits += 1 }
        }
        guard digits > 0 else { return nil }
        if i < chars.count, chars[i] == UInt8(ascii: "e") || chars[i] == UInt8(ascii: "E") {
            i += 1
            if i < chars.count, chars[i] == UInt8(ascii: "+") || chars[i] == UInt8(ascii: "-") { i += 1 }
            var exponentDigits = 0
            while i < chars.count, chars[i] >= 48, chars[i] <= 57 { i += 1; exponentDigits += 1 }
            guard exponentDigits > 0, exponentDigits <= 4 else { return nil }
        }
        guard i == chars.count, let v = Double(String(decoding: chars, as: UTF8.self)), v.isFinite else { return nil }
        return v
    }

    /// Why `text` is not a number, when a common cause is recognisable: a unit written after
    /// the number, thousands separators, a decimal comma in a comma-separated file, a
    /// spreadsheet error value. Nil when nothing specific is recognised.
    public static func hint(for text: String, decimalComma: Bool) -> String? {
        let t = text.trimmingSpaces()
        let lower = t.lowercased()
        if ["nan", "inf", "-inf", "+inf", "infinity", "#n/a", "#value!", "#ref!", "#div/0!", "null", "none", "n/a", "-"].contains(lower) {
            return "not a value; leave the cell empty for the default, or give a number"
        }
        // Thousands separators: 10,758,096.000000 or 10.758.096,5
        if isGrouped(t, group: ",", decimal: ".") || isGrouped(t, group: ".", decimal: ",") {
            return "looks like a number with thousands separators; write it without them (e.g. 10758096.0)"
        }
        if !decimalComma, parse(t, decimalComma: true) != nil, t.contains(",") {
            return "a decimal comma in a comma-separated file; use a decimal point, or save the file with ';' between fields"
        }
        // A number followed by a unit: 31m, 31 m, 43 dBm, 1800MHz
        var numberPart = Substring(t)
        while let last = numberPart.last, last.isLetter || last == " " || last == "°" || last == "%" { numberPart = numberPart.dropLast() }
        if numberPart.count < t.count, !numberPart.isEmpty, parse(String(numberPart), decimalComma: decimalComma) != nil {
            let unit = t.dropFirst(numberPart.count).trimmingCharacters(in: " ")
            return "'\(unit)' after the number; write the number alone (\(String(numberPart).trimmingSpaces())), in the unit the column name gives"
        }
        return nil
    }

    /// `1,234,567.5` with `group` "," and `decimal` "." (at least one group of three).
    private static func isGrouped(_ t: String, group: Character, decimal: Character) -> Bool {
        var body = Substring(t)
        if body.first == "-" || body.first == "+" { body = body.dropFirst() }
        let parts = body.split(separator: decimal, maxSplits: 1, omittingEmptySubsequences: false)
        guard parts.count <= 2 else { return false }
        if parts.count == 2, !(parts[1].allSatisfy(\.isNumber) && !parts[1].isEmpty) { return false }
        let groups = parts[0].split(separator: group, omittingEmptySubsequences: false)
        guard groups.count >= 2, let first = groups.first, (1...3).contains(first.count), first.allSatisfy(\.isNumber) else { return false }
        return groups.dropFirst().allSatisfy { $0.count == 3 && $0.allSatisfy(\.isNumber) }
    }
}

extension Substring {
    func trimmingCharacters(in set: Character) -> String {
        var s = self
        while s.first == set { s = s.dropFirst() }
        while s.last == set { s = s.dropLast() }
        return String(s)
    }
}
