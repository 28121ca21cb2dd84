/// A terrain profile read from a file, for point-to-point predictions of published cases.
///
/// Two layouts:
/// - **plain CSV**: one point per line, `distance_km,height_m[,clutter_m[,zone]]`, an optional
///   header line; zone `1`/`sea`, `3`/`coastal`, `4`/`inland` (default inland), clutter 0.
/// - **ITU-R SG3 "Fryderyk" CSV** (the P.1812 validation files), recognised by its
///   `{Begin of Profile}` line: header items (`Tx LAT:`, `Rx LON:`, ΔN, N0, …), points
///   `distance_km,height_m,coverage_code,clutter_m,zone` and a measurement block.
public struct ProfileFile: Sendable {
    public var profile: P1812Profile
    public var txLatDeg: Double?
    public var txLonDeg: Double?
    public var rxLatDeg: Double?
    public var rxLonDeg: Double?
    public var deltaN: Double?
    public var n0: Double?
    public var name: String?
    public var measurements: [Measurement]

    /// One row of a Fryderyk measurement block.
    public struct Measurement: Sendable, Equatable {
        public var frequencyMHz: Double
        public var txHeightM: Double
        public var rxHeightM: Double
        public var polarization: Polarization
        /// ERP_max_total, dBW.
        public var erpDBW: Double?
        public var timePercent: Double
        /// Expected field strength for the given ERP, dBµV/m, and basic transmission loss, dB.
        public var expectedFieldDBuVm: Double?
        public var expectedLossDB: Double?
    }

    public init(text: String, file: String) throws {
        if text.contains("{Begin of Profile}") {
            try self.init(fryderyk: text, file: file)
        } else {
            try self.init(plain: text, file: file)
        }
    }

    private static func fields(_ line: Substring) -> [String] {
        var f = line.split(separator: ",", omittingEmptySubsequences: false).map { String($0).trimmingSpaces() }
        while f.last == "" { f.removeLast() }
        return f
    }

    private static func zone(_ text: String, file: String, line: Int) throws -> RadioClimaticZone {
        switch text.lowercased() {
        case "", "4", "inland", "a2": return .inland
        case "3", "coastal", "coast", "a1": return .coastalLand
        case "1", "sea", "b": return .sea
        default:
            throw InputError(file: file, location: "line \(line)", field: "zone", message: "expected 1 (sea), 3 (coastal land) or 4 (inland), got '\(text)'")
        }
    }

    private static func number(_ text: String, _ field: String, file: String, line: Int, atLeast minimum: Double? = nil) throws -> Double {
        guard let v = DecimalText.parse(text) else {
            var message = "expected a number, got '\(text)'"
            if let hint = DecimalText.hint(for: text, decimalComma: false) { message += " (\(hint))" }
            throw InputError(file: file, location: "line \(line)", field: field, message: message)
        }
        if let minimum, v < minimum {
            throw InputError(file: file, location: "line \(line)", field: field, message: "expected \(minimum.formatted) or more, got '\(text)'")
        }
        return v
    }

    /// Appends a point, checking that distances increase.
    private static func checkIncreasing(_ d: [Double], file: String, line: Int) throws {
        guard d.count >= 2, let last = d.last else { return }
        let previous = d[d.count - 2]
        guard last > previous else {
            throw InputError(file: file, location: "line \(line)", field: "distance_km",
                             message: "expected increasing distances from the transmitter, got \(last.formatted) km after \(previous.formatted) km")
        }
    }

    private init(plain text: String, file: String) throws {
        var d: [Double] = [], h: [Double] = [], r: [Double] = [], z: [RadioClimaticZone] = []
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        // The first line that is not empty or a comment may be a header.
        let firstContentLine = lines.firstIndex { let f = Self.fields($0); return !f.isEmpty && !f[0].hasPrefix("#") } ?? 0
        for (i, raw) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = raw.hasSuffix("\r") ? raw.dropLast() : raw
            let f = Self.fields(line)
            if f.isEmpty || f[0].hasPrefix("#") { continue }
            if d.isEmpty && h.isEmpty && DecimalText.parse(f[0]) == nil && i == firstContentLine { continue }   // header
            guard f.count >= 2 else {
                throw InputError(file: file, location: "line \(i + 1)", message: "expected distance_km,height_m[,clutter_m[,zone]]")
            }
            d.append(try Self.number(f[0], "distance_km", file: file, line: i + 1, atLeast: 0))
            try Self.checkIncreasing(d, file: file, line: i + 1)
            h.append(try Self.number(f[1], "height_m", file: file, line: i + 1))
            r.append(f.count > 2 && !f[2].isEmpty ? try Self.number(f[2], "clutter_m", file: file, line: i + 1, atLeast: 0) : 0)
            z.append(try Self.zone(f.count > 3 ? f[3] : "", file: file, line: i + 1))
        }
        guard d.count >= 3 else {
            throw InputError(file: file, message: "a profile needs at least 3 points, found \(d.count); expected lines distance_km,height_m[,clutter_m[,zone]]")
        }
        profile = P1812Profile(distancesKm: d, heightsM: h, clutterHeightsM: r, zones: z)
        measurements = []
    }

    private init(fryderyk text: String, file: String) throws {
        enum Block { case header, profile, measurements, other }
        var block = Block.header
        var header: [String: String] = [:]
        var d: [Double] = [], h: [Double] = [], r: [Double] = [], z: [RadioClimaticZone] = []
        var rows: [Measurement] = []
        var first: String?
        for (i, raw) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = raw.hasSuffix("\r") ? raw.dropLast() : raw
            let f = Self.fields(line)
            guard let head = f.first else { continue }
            if first == nil { first = head }
            switch head {
            case "{Begin of Profile}": block = .profile; continue
            case "{Begin of Measurements}": block = .measurements; continue
            case "{End of Profile}", "{End of Measurements}": block = .other; continue
            default: break
            }
            switch block {
            case .profile:
                if head.hasPrefix("Number of Points") { continue }
                guard f.count >= 5 else { throw InputError(file: file, location: "line \(i + 1)", message: "expected distance,height,coverage code,clutter height,zone") }
                d.append(try Self.number(f[0], "distance_km", file: file, line: i + 1, atLeast: 0))
                try Self.checkIncreasing(d, file: file, line: i + 1)
                h.append(try Self.number(f[1], "height_m", file: file, line: i + 1))
                r.append(try Self.number(f[3], "clutter_m", file: file, line: i + 1, atLeast: 0))
                z.append(try Self.zone(f[4], file: file, line: i + 1))
            case .measurements:
                let cols = line.split(separator: ",", omittingEmptySubsequences: false).map { String($0).trimmingSpaces() }
                func col(_ k: Int) -> Double? { k < cols.count ? DecimalText.parse(cols[k]) : nil }
                guard let fMHz = col(0), let htg = col(1), let hrg = col(3), let p = col(14) else {
                    throw InputError(file: file, location: "line \(i + 1)", message: "a measurement row needs frequency, Tx height, Rx height and time percentage")
                }
                rows.append(Measurement(frequencyMHz: fMHz, txHeightM: htg, rxHeightM: hrg,
                                        polarization: col(4) == 2 ? .vertical : .horizontal, erpDBW: col(12),
                                        timePercent: p, expectedFieldDBuVm: col(16), expectedLossDB: col(17)))
            case .header, .other:
                if f.count >= 2 { header[head] = f[1] }
            }
        }
        guard d.count >= 3 else {
            throw InputError(file: file, message: "the profile block holds \(d.count) points; expected at least 3 lines distance,height,coverage code,clutter height,zone")
        }
        profile = P1812Profile(distancesKm: d, heightsM: h, clutterHeightsM: r, zones: z)
        func value(_ prefix: String) -> Double? {
            header.first(where: { $0.key.hasPrefix(prefix) }).flatMap { DecimalText.parse($0.value) }
        }
        txLatDeg = value("Tx LAT")
        txLonDeg = value("Tx LON")
        rxLatDeg = value("Rx LAT")
        rxLonDeg = value("Rx LON")
        deltaN = value("Average annual values dN")
        n0 = value("Average annual sea-level surface refractivity")
        name = first
        measurements = rows
    }
}
