/// Where a run's clutter comes from: a land-cover map with its legend, one category for the
/// whole area, or none (bare terrain).
public enum ClutterSource: Sendable, Equatable {
    case none
    case uniform(UniformClutter)
    case landCover(paths: [String], table: LandCoverTable, tableName: String)

    /// For run.json, the rasters' metadata and the log.
    public var description: String {
        switch self {
        case .none: return "none (bare terrain, --clutter none)"
        case .uniform(let u): return "uniform \(u.rawValue): R = \(u.heightM.formatted) m everywhere (\(u.source))"
        case .landCover(let paths, let table, let name):
            return "land cover \(paths.joined(separator: ", ")) with table \(name); cells without land cover: \(table.fallback.category), R = \(table.fallback.clutterHeightM.formatted) m"
        }
    }

    public static func == (a: ClutterSource, b: ClutterSource) -> Bool { a.description == b.description }

    /// `--clutter NAME`: `none`, or one ``UniformClutter`` category for the whole area.
    /// - Throws: ``UsageError`` naming the accepted values.
    public static func parse(uniform name: String) throws -> ClutterSource {
        let n = name.lowercased()
        if n == "none" { return .none }
        guard let u = UniformClutter(rawValue: n) else {
            throw UsageError("--clutter: expected none or one of \(UniformClutter.allCases.map(\.rawValue).joined(separator: ", ")), got '\(name)'")
        }
        return .uniform(u)
    }
}

/// One clutter category for a whole run (`--clutter`), when no land-cover map is given.
///
/// The default is `trees`: outside towns, rural Indonesia is mostly tree cover — forest, rubber,
/// oil palm and agroforestry. On the real 2010 map of Kabupaten Bungo (data/bungo), tree classes
/// cover 86 % of the regency (396,802 of 459,402 pixels); built-up land 4 %.
public enum UniformClutter: String, Sendable, CaseIterable {
    case open, crops, shrubs, village, plantation, trees, forest, urban

    public static let `default` = UniformClutter.trees

    /// Representative clutter height R, m.
    public var heightM: Double {
        switch self {
        case .open: return 0
        case .crops: return 1
        case .shrubs: return 4
        case .village: return 9
        case .plantation: return 10
        case .trees: return 15
        case .forest: return 20
        case .urban: return 20
        }
    }

    /// The class this category stands for everywhere: R, the P.2108 clutter type (ITM's terminal
    /// correction) and the Hata environment (Okumura's suburban for villages and trees, as in
    /// ``WorldCoverTable``).
    public var landCoverClass: LandCoverClass {
        let type: P2108.ClutterType, hata: Hata.Environment
        switch self {
        case .open, .crops: (type, hata) = (.openRural, .open)
        case .shrubs: (type, hata) = (.openRural, .rural)
        case .village: (type, hata) = (.suburban, .suburban)
        case .plantation, .trees, .forest: (type, hata) = (.treesForest, .suburban)
        case .urban: (type, hata) = (.urban, .urban)
        }
        return LandCoverClass(code: 0, name: "--clutter \(rawValue)", category: rawValue, clutterHeightM: heightM, zone: .inland,
                              p2108Type: type, hataEnvironment: hata)
    }

    /// Where the height comes from.
    public var source: String {
        switch self {
        case .open: return "no clutter above a handset"
        case .crops: return "rice and annual crops about 1 m at maturity"
        case .shrubs: return "ITU-R P.452-17 Table 4, irregularly spaced sparse trees"
        case .village: return "ITU-R P.452-17 Table 4, suburban"
        case .plantation: return "mature oil palm about 10 m"
        case .trees: return "ITU-R P.2108-1 Table 1, trees/forest"
        case .forest: return "ITU-R P.452-17 Table 4, tropical rain forest"
        case .urban: return "ITU-R P.452-17 Table 4, urban"
        }
    }
}
