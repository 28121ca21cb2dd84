/// Radio access technology of a tower's main carrier. It chooses the defaults for frequency and
/// EIRP, and the signal quantity that EIRP and the coverage thresholds refer to.
public enum Technology: String, Sendable, CaseIterable, Codable {
    case gsm = "2G"
    case umts = "3G"
    case lte = "4G"
    case nr = "5G"

    /// Parses `2G`/`GSM`, `3G`/`UMTS`/`WCDMA`, `4G`/`LTE`, `5G`/`NR` (any case).
    public init?(name: String) {
        switch name.trimmingSpaces().uppercased() {
        case "2G", "GSM", "GPRS", "EDGE": self = .gsm
        case "3G", "UMTS", "WCDMA", "HSPA", "CDMA": self = .umts
        case "4G", "LTE": self = .lte
        case "5G", "NR": self = .nr
        default: return nil
        }
    }
}

/// One transmitter site as read from a tower table, before projection.
public struct Tower: Sendable, Equatable, Codable {
    /// Identifier as given (or made from the input line when the table has none).
    public var id: String
    public var lonDeg: Double
    public var latDeg: Double
    /// Antenna centre above ground, metres.
    public var heightM: Double
    /// Equivalent isotropically radiated power of the signal quantity the thresholds refer to
    /// (see ``TowerDefaults``), dBm, at the antenna's boresight.
    public var eirpDBm: Double
    public var frequencyMHz: Double
    /// Boresight azimuth, degrees clockwise from north; nil for an omnidirectional antenna.
    public var azimuthDeg: Double?
    /// Horizontal half-power (−3 dB) beamwidth, degrees; used only with an azimuth.
    public var beamwidthDeg: Double
    /// Electrical + mechanical downtilt, degrees below the horizon.
    public var tiltDeg: Double
    public var technology: Technology
    /// Where the tower came from: "towers.csv line 4", "sites.gpkg feature 12".
    public var origin: String

    public init(id: String, lonDeg: Double, latDeg: Double, heightM: Double, eirpDBm: Double,
                frequencyMHz: Double, azimuthDeg: Double?, beamwidthDeg: Double, tiltDeg: Double,
                technology: Technology, origin: String) {
        self.id = id
        self.lonDeg = lonDeg
        self.latDeg = latDeg
        self.heightM = heightM
        self.eirpDBm = eirpDBm
        self.frequencyMHz = frequencyMHz
        self.azimuthDeg = azimuthDeg
        self.beamwidthDeg = beamwidthDeg
        self.tiltDeg = tiltDeg
        self.technology = technology
        self.origin = origin
    }
}

/// Values used when a tower table leaves a column out or empty.
///
/// - Height 30 m: a common greenfield monopole / lattice mast antenna height for rural macro
///   sites in Indonesia (towers are typically 32–72 m, antennas mounted below the top).
/// - Frequencies: 2G 900 MHz, 3G 2100 MHz, 4G 1800 MHz (LTE band 3, the main LTE band of
///   Indonesian operators), 5G 2300 MHz (band n40).
/// - EIRP per signal quantity (transmitter power − feeder loss 3 dB + antenna gain 17 dBi):
///   2G BCCH carrier 43 dBm → 57 dBm; 3G CPICH 33 dBm (10 % of 20 W) → 47 dBm;
///   4G/5G reference signal per resource element, 20 W over 600 sub-carriers
///   (43 − 10·log10(600) = 15.2 dBm) → 29.2 dBm, so received power is RSRP.
/// - Sector beamwidth 65° (the usual macro panel), tilt 0°.
public enum TowerDefaults {
    public static let heightM = 30.0
    public static let beamwidthDeg = 65.0
    public static let tiltDeg = 0.0
    public static let technology = Technology.lte

    public static func frequencyMHz(_ technology: Technology) -> Double {
        switch technology {
        case .gsm: return 900
        case .umts: return 2100
        case .lte: return 1800
        case .nr: return 2300
        }
    }

    public static func eirpDBm(_ technology: Technology) -> Double {
        switch technology {
        case .gsm: return 57
        case .umts: return 47
        case .lte, .nr: return 29.2
        }
    }
}
