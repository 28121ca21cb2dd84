/// Turns one row of tower values into a ``Tower``, checking every field against its documented
/// range and collecting every problem of the row (not only the first). Shared by the CSV
/// reader here and the OGR point-layer reader in BlankSpotGDAL, so that both accept the same
/// columns with the same defaults, ranges and messages.
public enum TowerAttributes {
    /// The documented range of each numeric field, with what it means. Heights: from a low
    /// pole to the tallest masts; EIRP: from a test transmitter to far above any licence;
    /// frequency: any carrier (each model checks its own band when it runs).
    public static let ranges: [TowerField: (range: ClosedRange<Double>, what: String)] = [
        .height: (0.5...1000, "an antenna height above ground in metres"),
        .eirp: (-50...100, "an EIRP in dBm"),
        .frequency: (1...100_000, "a frequency in MHz"),
        .azimuth: (0...360, "an azimuth in degrees clockwise from north"),
        .beamwidth: (1...360, "a horizontal half-power beamwidth in degrees"),
        .tilt: (-90...90, "a downtilt in degrees"),
    ]

    /// A row's outcome: the tower, or every problem found in it.
    public enum RowOutcome: Sendable {
        case tower(Tower)
        case rejected([InputError])
    }

    /// Builds a tower from the row's texts.
    /// - Parameters:
    ///   - value: the text of a field's column, nil or empty when absent.
    ///   - decimalComma: whether `1,5` means 1.5 (tables separated by `;` or tabs).
    ///   - file, location: for messages ("towers.csv", "line 5").
    ///   - defaultID: used when the id is absent.
    public static func parse(value: (TowerField) -> String?, decimalComma: Bool, file: String, location: String,
                             defaultID: String) -> RowOutcome {
        var problems: [InputError] = []
        func problem(_ field: TowerField, _ text: String, _ expected: String, hint: String? = nil) {
            var message = "expected \(expected), got '\(text)'"
            if let hint { message += " (\(hint))" }
            problems.append(InputError(file: file, location: location, field: field.rawValue, message: message))
        }
        func present(_ field: TowerField) -> String? {
            guard let v = value(field)?.trimmingSpaces(), !v.isEmpty else { return nil }
            return v
        }
        func number(_ field: TowerField) -> Double? {
            guard let text = present(field), let rule = ranges[field] else { return nil }
            let expected = "\(rule.what) between \(rule.range.lowerBound.formatted) and \(rule.range.upperBound.formatted)"
            guard let v = DecimalText.parse(text, decimalComma: decimalComma) else {
                problem(field, text, expected, hint: DecimalText.hint(for: text, decimalComma: decimalComma))
                return nil
            }
            guard rule.range.contains(v) else {
                problem(field, text, expected)
                return nil
            }
            return v
        }
        func coordinate(_ field: TowerField) -> Double? {
            let text = present(field) ?? ""
            let what = field == .lon ? "a longitude in decimal degrees (WGS 84) between -180 and 180"
                                     : "a latitude in decimal degrees (WGS 84) between -90 and 90"
            guard let v = DecimalText.parse(text, decimalComma: decimalComma) else {
                problem(field, text, what, hint: text.isEmpty ? "the position is missing" : DecimalText.hint(for: text, decimalComma: decimalComma))
                return nil
            }
            return v
        }
        let lon = coordinate(.lon), lat = coordinate(.lat)
        if let lon, let lat {
            let swapped = abs(lat) > 90 && abs(lon) <= 90
            if !(-180...180).contains(lon) {
                problem(.lon, present(.lon)!, "a longitude in decimal degrees (WGS 84) between -180 and 180",
                        hint: abs(lon) > 1000 ? "projected coordinates (metres)? give WGS 84 degrees" : nil)
            }
            if !(-90...90).contains(lat) {
                problem(.lat, present(.lat)!, "a latitude in decimal degrees (WGS 84) between -90 and 90",
                        hint: swapped ? "longitude and latitude seem swapped" : abs(lat) > 1000 ? "projected coordinates (metres)? give WGS 84 degrees" : nil)
            }
            if lon == 0 && lat == 0 {
                problem(.lon, "0", "a position", hint: "the row is at (0, 0), the usual mark of a missing position")
            }
        }
        var technology = TowerDefaults.technology
        if let text = present(.technology) {
            if let t = Technology(name: text) { technology = t } else {
                problem(.technology, text, "one of 2G, 3G, 4G, 5G (or GSM, UMTS, LTE, NR)")
            }
        }
        let heightM = number(.height), eirpDBm = number(.eirp), frequencyMHz = number(.frequency)
        let azimuthDeg = number(.azimuth), beamwidthDeg = number(.beamwidth), tiltDeg = number(.tilt)
        guard problems.isEmpty, let lon, let lat else { return .rejected(problems) }
        return .tower(Tower(
            id: present(.id) ?? defaultID, lonDeg: lon, latDeg: lat, heightM: heightM ?? TowerDefaults.heightM,
            eirpDBm: eirpDBm ?? TowerDefaults.eirpDBm(technology), frequencyMHz: frequencyMHz ?? TowerDefaults.frequencyMHz(technology),
            azimuthDeg: azimuthDeg, beamwidthDeg: beamwidthDeg ?? TowerDefaults.beamwidthDeg, tiltDeg: tiltDeg ?? TowerDefaults.tiltDeg,
            technology: technology, origin: "\(file) \(location)"))
    }
}

extension Double {
    /// Shortest decimal text: 1000 → "1000", 0.5 → "0.5".
    public var formatted: String {
        if self == rounded(), abs(self) < 1e15 { return String(Int64(self)) }
        return String(self)
    }
}

extension String {
    func dropPrefix(_ prefix: String) -> String {
        hasPrefix(prefix) ? String(dropFirst(prefix.count)) : self
    }
}
