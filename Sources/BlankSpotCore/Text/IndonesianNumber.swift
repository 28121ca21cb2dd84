/// Numbers as Indonesian documents print them: `.` between thousands, `,` before decimals
/// (`12.548`, `49,3`), as PUEBI and BPS publications do. Independent of the machine's locale,
/// so that outputs are the same bytes everywhere.
public enum IndonesianNumber {
    /// `value` rounded half away from zero to `decimals` places.
    public static func format(_ value: Double, decimals: Int = 0) -> String {
        guard value.isFinite else { return "–" }
        var scale = 1.0
        for _ in 0..<max(0, decimals) { scale *= 10 }
        let scaled = (abs(value) * scale).rounded(.toNearestOrAwayFromZero)
        let negative = value < 0 && scaled > 0
        let whole = UInt64(scaled / scale)
        var fraction = UInt64(scaled - Double(whole) * scale)
        if decimals > 0 && fraction >= UInt64(scale) { fraction = UInt64(scale) - 1 }
        var digits = String(whole)
        var grouped = ""
        while digits.count > 3 {
            grouped = "." + digits.suffix(3) + grouped
            digits = String(digits.dropLast(3))
        }
        grouped = digits + grouped
        if decimals > 0 {
            let f = String(fraction)
            grouped += "," + String(repeating: "0", count: decimals - f.count) + f
        }
        return (negative ? "−" : "") + grouped
    }

    /// A share in per cent: `49,3 %`.
    public static func percent(_ value: Double, decimals: Int = 1) -> String {
        format(value, decimals: decimals) + " %"
    }
}
