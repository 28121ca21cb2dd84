/// The fields of a tower and the column names that feed them.
public enum TowerField: String, Sendable, CaseIterable, Codable {
    case lon, lat, id
    case height = "height_m"
    case technology
    case frequency = "frequency_mhz"
    case eirp = "eirp_dbm"
    case azimuth = "azimuth_deg"
    case beamwidth = "beamwidth_deg"
    case tilt = "tilt_deg"

    /// Accepted column names, the documented one first. Names are compared after
    /// ``TowerColumns/normalized(_:)``. Indonesian names are those of public tower and BTS lists
    /// (bujur/lintang for longitude/latitude, tinggi/tinggi_menara for the height, nama for the
    /// name, frekuensi, teknologi, azimut).
    public var aliases: [String] {
        switch self {
        case .lon: return ["lon", "longitude", "lng", "long", "x", "bujur", "koordinat_bujur", "longitude_deg", "lon_deg"]
        case .lat: return ["lat", "latitude", "y", "lintang", "koordinat_lintang", "latitude_deg", "lat_deg"]
        case .id: return ["id", "name", "site_id", "tower_id", "nama", "nama_site", "site_name", "kode_site", "id_site", "site"]
        case .height: return ["height_m", "height", "antenna_height_m", "tower_height_m", "tinggi", "tinggi_menara", "tinggi_tower", "tinggi_antena", "ketinggian"]
        case .technology: return ["technology", "tech", "radio", "teknologi", "jenis_bts", "jaringan"]
        case .frequency: return ["frequency_mhz", "frequency", "freq_mhz", "freq", "frekuensi", "frekuensi_mhz"]
        case .eirp: return ["eirp_dbm", "eirp"]
        case .azimuth: return ["azimuth_deg", "azimuth", "azimut", "azimut_deg", "arah"]
        case .beamwidth: return ["beamwidth_deg", "beamwidth", "hbw"]
        case .tilt: return ["tilt_deg", "tilt", "downtilt_deg", "downtilt", "kemiringan"]
        }
    }
}

/// Which column of a table feeds which field: found by name (``TowerField/aliases``) or given
/// by the user (`--column height_m=tower_height`).
public struct TowerColumns: Sendable {
    /// Field → column index in the header.
    public private(set) var index: [TowerField: Int] = [:]
    /// One line per field that was found, and one per column that looks meaningful but feeds
    /// nothing (a height, a power or a frequency under an unknown name).
    public private(set) var notes: [String] = []
    /// Columns whose names suggest a height, power or frequency but feed no field.
    public private(set) var ignoredSuspicious: [String] = []

    /// Column names compared case-insensitively, with spaces, hyphens and dots as underscores
    /// and without surrounding spaces (`Tinggi Menara` = `tinggi_menara`).
    public static func normalized(_ name: String) -> String {
        var out = ""
        for c in name.trimmingSpaces().lowercased() {
            out.append(c == " " || c == "-" || c == "." ? "_" : c)
        }
        return out
    }

    /// Parses `FIELD=COLUMN[,FIELD=COLUMN…]` (repeatable on the command line).
    /// - Throws: ``UsageError`` naming the bad item and the known fields.
    public static func parseMapping(_ items: [String]) throws -> [TowerField: String] {
        var mapping: [TowerField: String] = [:]
        let known = TowerField.allCases.map(\.rawValue).joined(separator: ", ")
        for list in items {
            for item in list.split(separator: ",", omittingEmptySubsequences: false) {
                let parts = item.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
                guard parts.count == 2 else {
                    throw UsageError("--column: expected FIELD=COLUMN such as height_m=tower_height, got '\(item)'")
                }
                let fieldText = normalized(String(parts[0])), column = String(parts[1]).trimmingSpaces()
                guard let field = TowerField(rawValue: fieldText) ?? TowerField.allCases.first(where: { $0.aliases.contains(fieldText) }) else {
                    throw UsageError("--column: '\(parts[0])' is not a tower field; expected one of \(known)")
                }
                guard !column.isEmpty else { throw UsageError("--column: no column named for \(field.rawValue) in '\(item)'") }
                if let earlier = mapping[field], earlier != column {
                    throw UsageError("--column: \(field.rawValue) is mapped twice, to '\(earlier)' and to '\(column)'")
                }
                mapping[field] = column
            }
        }
        return mapping
    }

    /// Resolves the header of `file`.
    /// - Throws: ``InputError`` when a mapped column does not exist or two fields are mapped to
    ///   the same column.
    public init(header: [String], mapping: [TowerField: String] = [:], file: String) throws {
        let names = header.map(Self.normalized)
        var used: [Int: TowerField] = [:]
        for field in TowerField.allCases {
            if let wanted = mapping[field] {
                guard let i = names.firstIndex(of: Self.normalized(wanted)) else {
                    throw InputError(file: file, location: "line 1", field: wanted,
                                     message: "--column \(field.rawValue)=\(wanted): the header has no such column; it has: \(header.joined(separator: ", "))")
                }
                if let other = used[i] {
                    throw InputError(file: file, location: "line 1", field: header[i],
                                     message: "the column feeds both \(other.rawValue) and \(field.rawValue); map each field to its own column")
                }
                index[field] = i
                used[i] = field
                notes.append("\(field.rawValue) ← '\(header[i])' (--column)")
            }
        }
        for field in TowerField.allCases where index[field] == nil {
            let all = field.aliases.compactMap { alias in names.firstIndex(of: alias) }
            let matches = all.filter { used[$0] == nil }
            if matches.isEmpty, let taken = all.first, let other = used[taken], field == .lon || field == .lat {
                throw InputError(file: file, location: "line 1", field: header[taken],
                                 message: "the column feeds both \(other.rawValue) (--column) and \(field.rawValue); map each field to its own column")
            }
            guard let i = matches.first else { continue }
            index[field] = i
            used[i] = field
            notes.append("\(field.rawValue) ← '\(header[i])'")
            for other in matches.dropFirst() {
                notes.append("column '\(header[other])' also names \(field.rawValue) and is ignored; '\(header[i])' is used")
            }
        }
        for (i, name) in names.enumerated() where used[i] == nil {
            if let meaning = Self.suspiciousMeaning(name) {
                ignoredSuspicious.append(header[i])
                notes.append("column '\(header[i])' looks like \(meaning) but feeds nothing; map it with --column if it should (e.g. --column \(Self.suggestedField(meaning))=\(header[i]))")
            }
        }
    }

    /// "a height", "a power", "a frequency", … when a column's name suggests one.
    static func suspiciousMeaning(_ name: String) -> String? {
        let rules: [(String, [String])] = [
            ("a height", ["height", "tinggi", "elev", "agl", "mast", "alt"]),
            ("a power", ["power", "eirp", "erp", "daya", "dbm", "watt", "txp"]),
            ("a frequency", ["freq", "frek", "mhz", "ghz", "earfcn", "arfcn", "band"]),
            ("an azimuth", ["azim", "bearing", "arah"]),
            ("a tilt", ["tilt"]),
        ]
        for (meaning, stems) in rules where stems.contains(where: { name.contains($0) }) { return meaning }
        return nil
    }

    static func suggestedField(_ meaning: String) -> String {
        switch meaning {
        case "a height": return TowerField.height.rawValue
        case "a power": return TowerField.eirp.rawValue
        case "a frequency": return TowerField.frequency.rawValue
        case "an azimuth": return TowerField.azimuth.rawValue
        default: return TowerField.tilt.rawValue
        }
    }
}
