/// Inputs of the Irregular Terrain Model (Longley–Rice), as in NTIA's ITM v1.2.2/v1.4
/// (Hufford, "The ITS Irregular Terrain Model, version 1.2.2: The Algorithm", 1995).
public struct ITMParameters: Sendable, Equatable {
    /// Antenna heights above ground, m (0.5–3000; 1–1000 without warning).
    public var txHeightM: Double
    public var rxHeightM: Double
    /// Radio climate, 1…7: equatorial, continental subtropical, maritime subtropical, desert,
    /// continental temperate, maritime temperate over land, maritime temperate over sea.
    public var climate: Int
    /// Sea-level surface refractivity N0, N-units (250–400).
    public var n0: Double
    public var frequencyMHz: Double
    /// 0 horizontal, 1 vertical.
    public var polarization: Int
    /// Relative permittivity and conductivity (S/m) of the ground.
    public var permittivity: Double
    public var conductivitySPerM: Double
    /// Variability mode: 0 single message, 1 accidental, 2 mobile, 3 broadcast; +10 location
    /// variability eliminated, +20 situation variability eliminated.
    public var mdvar: Int

    public init(txHeightM: Double, rxHeightM: Double, climate: Int, n0: Double, frequencyMHz: Double, polarization: Int,
                permittivity: Double, conductivitySPerM: Double, mdvar: Int) {
        self.txHeightM = txHeightM
        self.rxHeightM = rxHeightM
        self.climate = climate
        self.n0 = n0
        self.frequencyMHz = frequencyMHz
        self.polarization = polarization
        self.permittivity = permittivity
        self.conductivitySPerM = conductivitySPerM
        self.mdvar = mdvar
    }

    /// The parameters blankspot uses unless told otherwise: the given radio climate (1,
    /// equatorial, covers Indonesia), `n0` the sea-level surface refractivity shared with
    /// P.1812 (``TropicalDefaults/n0``, 375 N-units; NTIA Report 82-100 suggests about 360 for
    /// the equatorial climate), the ground preset, vertical polarisation, and mdvar 12: mobile
    /// mode with location variability eliminated, because a point-to-point prediction over a
    /// known profile has no other locations to vary over.
    public init(frequencyMHz: Double, txHeightM: Double, rxHeightM: Double, climate: Int = 1, n0: Double = TropicalDefaults.n0,
                ground: ITMGround = .average, polarization: Int = 1) {
        self.init(txHeightM: txHeightM, rxHeightM: rxHeightM, climate: climate, n0: n0, frequencyMHz: frequencyMHz,
                  polarization: polarization, permittivity: ground.permittivity, conductivitySPerM: ground.conductivitySPerM, mdvar: 12)
    }
}

/// Ground electrical constants (NTIA Report 82-100, Table of suggested values).
public enum ITMGround: String, Sendable, CaseIterable, Codable {
    case average, poor, good
    case freshWater = "fresh-water"
    case seaWater = "sea-water"

    /// Relative permittivity εr.
    public var permittivity: Double {
        switch self {
        case .average: 15
        case .poor: 4
        case .good: 25
        case .freshWater, .seaWater: 81
        }
    }

    /// Conductivity σ, S/m.
    public var conductivitySPerM: Double {
        switch self {
        case .average: 0.005
        case .poor: 0.001
        case .good: 0.02
        case .freshWater: 0.01
        case .seaWater: 5
        }
    }
}

/// How the variability is given: time/location/situation percentages, or confidence and
/// reliability.
public enum ITMVariability: Sendable, Equatable {
    case timeLocationSituation(timePercent: Double, locationPercent: Double, situationPercent: Double)
    case confidenceReliability(confidencePercent: Double, reliabilityPercent: Double)
}

/// Siting criteria of a terminal in area mode.
public enum ITMSiting: Int, Sendable {
    case random = 0, careful = 1, veryCareful = 2
}

/// What ITM reports besides the loss.
public struct ITMResult: Sendable, Equatable {
    /// Basic transmission loss, dB (free space + attenuation).
    public var basicTransmissionLossDB: Double
    /// Free-space loss 32.45 + 20·log10(f MHz) + 20·log10(d km), dB.
    public var freeSpaceDB: Double
    /// Reference attenuation relative to free space (median, before variability), dB.
    public var referenceAttenuationDB: Double
    public var distanceKm: Double
    /// Horizon elevation angles, rad, and distances, m, of the terminals.
    public var txHorizonAngleRad: Double
    public var rxHorizonAngleRad: Double
    public var txHorizonDistanceM: Double
    public var rxHorizonDistanceM: Double
    /// Effective antenna heights, m.
    public var txEffectiveHeightM: Double
    public var rxEffectiveHeightM: Double
    /// Surface refractivity used, N-units.
    public var surfaceRefractivity: Double
    /// Terrain irregularity Δh, m.
    public var deltaHM: Double
    public var mode: ITMPropagationMode
    /// ITM's warning level: 0 none; 1 a parameter outside the recommended range (distance
    /// over 1000 km, antenna below 1 m or above 1000 m, frequency outside 40 MHz–10 GHz, a
    /// deviate beyond ±3.1); 2 a default substituted (climate, variability mode); 3 a path
    /// outside the range of the internal fits (horizon angle over 200 mrad, horizon distance far
    /// from the smooth-earth one, path shorter than the antenna height difference allows);
    /// 4 results unlikely to be meaningful (distance under 1 km or over 2000 km, Ns or the
    /// earth curvature out of range).
    public var warning: Int
    /// The loss with every variability deviate at zero (50 % time, locations and situations).
    public var medianLossDB: Double
}
