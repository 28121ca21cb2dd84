/// Turns one row of named attribute values into a ``Tower``, validating every field.
/// Shared by the CSV reader here and the OGR point-layer reader in BlankSpotGDAL, so both
/// accept the same columns with the same defaults and the same messages.
///
/// Columns (case-insensitive; first name is the documented one, the rest are accepted aliases):
/// `id` (`name`, `site_id`), `height_m` (`height`), `eirp_dbm` (`eirp`), `frequency_mhz`
/// (`frequency`, `freq_mhz`), `azimuth_deg` (`azimuth`), `beamwidth_deg` (`beamwidth`),
/// `tilt_deg` (`tilt`, `downtilt_deg`), `technology` (`tech`, `radio`).
public enum TowerAttributes {
    public static let lonNames = ["lon", "longitude", "lng", "long", "x"]
    public static let latNames = ["lat", "latitude", "y"]
    public static let idNames = ["id", "name", "site_id", "tower_id"]
    public static let heightNames = ["height_m", "height", "antenna_height_m"]
    public static let eirpNames = ["eirp_dbm", "eirp"]
    public static let frequencyNames = ["frequency_mhz", "frequency", "freq_mhz"]
    public static let azimuthNames = ["azimuth_deg", "azimuth"]
    public static let beamwidthNames = ["beamwidth_deg", "beamwidth"]
    public static let tiltNames = ["tilt_deg", "tilt", "downtilt_deg"]
    public static let technologyNames = ["technology", "tech", "radio"]

    /// Builds a tower from attribute values.
    /// - Parameters:
    ///   - value: the text of the first present column among the given names (nil or empty = absent).
    ///   - file, location: for messages ("towers.csv", "line 5").
    ///   - defaultID: used when no id column is present or it is empty.
    public static func tower(lonDeg: Double, latDeg: Double, value: ([String]) -> String?,
                             file: String, location: String, defaultID: String) throws -> Tower {
        func fail(_ field: String, _ message: String) -> InputError {
            InputError(file: file, location: location, field: field, message: message)
        }
        guard lonDeg.isFinite, (-180...180).contains(lonDeg) else {
            throw fail("lon", "expected a longitude in degrees between -180 and 180, got \(lonDeg)")
        }
        guard latDeg.isFinite, (-90...90).contains(latDeg) else {
            throw fail("lat", "expected a latitude in degrees between -90 and 90, got \(latDeg)")
        }
        func present(_ names: [String]) -> String? {
            guard let v = value(names)?.trimmingSpaces(), !v.isEmpty else { return nil }
            return v
        }
        func number(_ names: [String], _ what: String, _ range: ClosedRange<Double>) throws -> Double? {
            guard let text = present(names) else { return nil }
            guard let v = Double(text), v.isFinite, range.contains(v) else {
                throw fail(names[0], "expected \(what) between \(range.lowerBound.formatted) and \(range.upperBound.formatted), got '\(text)'")
            }
            return v
        }
        var technology = TowerDefaults.technology
        if let text = present(technologyNames) {
            guard let t = Technology(name: text) else {
                throw fail(technologyNames[0], "expected one of 2G, 3G, 4G, 5G (or GSM, UMTS, LTE, NR), got '\(text)'")
            }
            technology = t
        }
        let heightM = try number(heightNames, "an antenna height above ground in metres", 0.5...1000) ?? TowerDefaults.heightM
        let eirpDBm = try number(eirpNames, "an EIRP in dBm", -50...100) ?? TowerDefaults.eirpDBm(technology)
        let frequencyMHz = try number(frequencyNames, "a frequency in MHz", 1...100_000) ?? TowerDefaults.frequencyMHz(technology)
        let azimuthDeg = try number(azimuthNames, "an azimuth in degrees clockwise from north", 0...360)
        let beamwidthDeg = try number(beamwidthNames, "a horizontal half-power beamwidth in degrees", 1...360) ?? TowerDefaults.beamwidthDeg
        let tiltDeg = try number(tiltNames, "a downtilt in degrees", -90...90) ?? TowerDefaults.tiltDeg
        return Tower(id: present(idNames) ?? defaultID, lonDeg: lonDeg, latDeg: latDeg, heightM: heightM,
                     eirpDBm: eirpDBm, frequencyMHz: frequencyMHz, azimuthDeg: azimuthDeg,
                     beamwidthDeg: beamwidthDeg, tiltDeg: tiltDeg, technology: technology,
                     origin: "\(file) \(location)")
    }

    /// Throws when two towers share an id: best_server.tif and towers.csv would be ambiguous.
    public static func checkUniqueIDs(_ towers: [Tower], file: String) throws {
        var seen: [String: String] = [:]
        for t in towers {
            if let first = seen[t.id] {
                throw InputError(file: file, location: t.origin.dropPrefix(file + " "), field: idNames[0],
                                 message: "id '\(t.id)' is already used by \(first.dropPrefix(file + " ")); ids must be unique")
            }
            seen[t.id] = t.origin
        }
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
