/// Radio-climatic zone of a profile point (ITU-R P.1812-7/8 §3.3, Table 2).
public enum RadioClimaticZone: Int, Sendable, Codable {
    /// A1: coastal land (and shore areas).
    case coastalLand = 3
    /// A2: inland.
    case inland = 4
    /// B: sea, oceans and other large bodies of water.
    case sea = 1
}

public enum Polarization: Int, Sendable, Codable {
    case horizontal = 1
    case vertical = 2
}

/// The terrain between the terminals, transmitter first (P.1812 §3.2).
public struct P1812Profile: Sendable, Equatable {
    /// Distance of each point from the transmitter, km, increasing, first 0.
    public var distancesKm: [Double]
    /// Terrain height above sea level, m.
    public var heightsM: [Double]
    /// Representative clutter height R of each point, m (0 for bare terrain).
    public var clutterHeightsM: [Double]
    public var zones: [RadioClimaticZone]

    public init(distancesKm: [Double], heightsM: [Double], clutterHeightsM: [Double]? = nil, zones: [RadioClimaticZone]? = nil) {
        self.distancesKm = distancesKm
        self.heightsM = heightsM
        self.clutterHeightsM = clutterHeightsM ?? [Double](repeating: 0, count: distancesKm.count)
        self.zones = zones ?? [RadioClimaticZone](repeating: .inland, count: distancesKm.count)
    }

    public var pathLengthKm: Double { distancesKm.last ?? 0 }
    public var count: Int { distancesKm.count }
}

/// Everything about one link except its terrain (P.1812 §3.1, Table 1).
public struct P1812Link: Sendable, Equatable {
    /// 0.03–6 GHz.
    public var frequencyGHz: Double
    /// Time percentage p, 1–50 %.
    public var timePercent: Double
    /// Location percentage pL, 1–99 % (50 % = median location: no location variability term).
    public var locationPercent: Double = 50
    public var txLatDeg: Double
    public var txLonDeg: Double
    public var rxLatDeg: Double
    public var rxLonDeg: Double
    /// Antenna heights above ground, m (htg, hrg).
    public var txHeightM: Double
    public var rxHeightM: Double
    public var polarization: Polarization = .vertical
    /// Average radio-refractive index lapse-rate through the lowest 1 km, N-units/km (ΔN,
    /// positive), and sea-level surface refractivity N0, N-units: from the ITU digital maps
    /// (DN50.TXT, N050.TXT) of P.1812 §3.5.
    public var deltaN: Double
    public var n0: Double
    /// Distances of the terminals from the coast in the direction of the other, km (dct,
    /// dcr; 500 km = far inland, which turns the sea-duct coupling terms off).
    public var txCoastDistanceKm: Double = 500
    public var rxCoastDistanceKm: Double = 500
    /// Width of the square area over which location variability applies, m (w of §4.9).
    public var locationAreaWidthM: Double = 100

    public init(frequencyGHz: Double, timePercent: Double, locationPercent: Double = 50,
                txLatDeg: Double, txLonDeg: Double, rxLatDeg: Double, rxLonDeg: Double,
                txHeightM: Double, rxHeightM: Double, polarization: Polarization = .vertical,
                deltaN: Double, n0: Double, txCoastDistanceKm: Double = 500, rxCoastDistanceKm: Double = 500,
                locationAreaWidthM: Double = 100) {
        self.frequencyGHz = frequencyGHz
        self.timePercent = timePercent
        self.locationPercent = locationPercent
        self.txLatDeg = txLatDeg
        self.txLonDeg = txLonDeg
        self.rxLatDeg = rxLatDeg
        self.rxLonDeg = rxLonDeg
        self.txHeightM = txHeightM
        self.rxHeightM = rxHeightM
        self.polarization = polarization
        self.deltaN = deltaN
        self.n0 = n0
        self.txCoastDistanceKm = txCoastDistanceKm
        self.rxCoastDistanceKm = rxCoastDistanceKm
        self.locationAreaWidthM = locationAreaWidthM
    }
}

/// Radio-climatic defaults used when the ITU digital maps (DN50.TXT, N050.TXT) are not at
/// hand, as here. They are assumptions, not map readings:
/// - ΔN = 45 N-units/km: the value of the ITU P.1812 validation paths; a little above the
///   standard atmosphere's 40 N-units/km (k = 4/3), gives k50 = 157/(157 − 45) = 1.40. Humid
///   equatorial air usually has a steeper lapse rate, i.e. a larger ΔN.
/// - N0 = 375 N-units: sea-level surface refractivity of warm, humid equatorial air (ITU-R
///   P.453 describes surface refractivity rising from about 315 in dry mid-latitude climates to
///   the high 300s in the humid tropics); the P.1812 validation paths in Europe use 324–326.
/// N0 only enters tropospheric scatter (eq. 44: 0.15 dB per N-unit). Pass the map values with
/// `--delta-n` and `--n0` when known.
public enum TropicalDefaults {
    public static let deltaN = 45.0
    public static let n0 = 375.0
}

/// A P.1812 input outside the Recommendation's domain.
public struct ModelInputError: Error, Sendable, Equatable, CustomStringConvertible {
    public var parameter: String
    public var message: String
    public init(_ parameter: String, _ message: String) {
        self.parameter = parameter
        self.message = message
    }
    public var description: String { "\(parameter): \(message)" }
}
