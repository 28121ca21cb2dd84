import Foundation

/// Received-signal thresholds, one per technology, in the quantity each technology's EIRP
/// refers to (see ``TowerDefaults``): 2G BCCH RxLev, 3G CPICH RSCP, 4G RSRP, 5G SS-RSRP.
///
/// Defaults are common cell-edge planning levels for outdoor handsets: 2G −100 dBm, 3G −100
/// dBm, 4G and 5G −110 dBm. They sit 4–15 dB above the sensitivity floors of the standards
/// (3GPP TS 45.005 GSM reference sensitivity about −102 dBm; TS 25.304 default cell-selection
/// minimum RSCP −115 dBm; LTE cell selection usually configured at −120 to −124 dBm RSRP), the
/// usual allowance for fading and body loss.
public struct ServiceThresholds: Sendable, Equatable, Codable {
    public var gsmDBm: Double = -100
    public var umtsDBm: Double = -100
    public var lteDBm: Double = -110
    public var nrDBm: Double = -110

    public init() {}

    /// The same threshold for every technology.
    public init(allDBm v: Double) {
        gsmDBm = v
        umtsDBm = v
        lteDBm = v
        nrDBm = v
    }

    public func dBm(for technology: Technology) -> Double {
        switch technology {
        case .gsm: return gsmDBm
        case .umts: return umtsDBm
        case .lte: return lteDBm
        case .nr: return nrDBm
        }
    }

    public mutating func set(_ technology: Technology, _ v: Double) {
        switch technology {
        case .gsm: gsmDBm = v
        case .umts: umtsDBm = v
        case .lte: lteDBm = v
        case .nr: nrDBm = v
        }
    }
}

/// One tower's link budget towards a receiver cell: received power = EIRP + antenna gain
/// relative to boresight − basic transmission loss (receiver antenna 0 dBi). The engine works
/// with the **margin** over the tower's own technology threshold, so towers of different
/// technologies compare fairly; the received power is margin + threshold.
public struct LinkBudget: Sendable, Equatable {
    public var eirpDBm: Double
    public var thresholdDBm: Double
    public var antenna: AntennaPattern
    /// Antenna altitude above sea level, m.
    public var txAltitudeM: Double

    public init(site: GridSite, thresholds: ServiceThresholds) {
        eirpDBm = site.tower.eirpDBm
        thresholdDBm = thresholds.dBm(for: site.tower.technology)
        antenna = AntennaPattern(azimuthDeg: site.tower.azimuthDeg, beamwidthDeg: site.tower.beamwidthDeg, tiltDeg: site.tower.tiltDeg)
        txAltitudeM = site.antennaAltitudeM
    }

    /// Margin in dB over the threshold for a receiver at grid offset (dCol, dRow) (rows grow
    /// southwards, so north is −dRow), `distanceM` away, its antenna at `rxAltitudeM`.
    @inlinable
    public func marginDB(lossDB: Double, dCol: Int, dRow: Int, distanceM: Double, rxAltitudeM: Double) -> Float {
        Float(eirpDBm + antennaGainDB(dCol: dCol, dRow: dRow, distanceM: distanceM, rxAltitudeM: rxAltitudeM) - lossDB - thresholdDBm)
    }

    /// The horizontal distance, m, beyond which a loss of at least free space (P.1812 eq. 8,
    /// 92.4 + 20·log10 f + 20·log10 d) plus `floorDB` leaves the margin below 0 even at
    /// boresight (the pattern's gain relative to boresight is never positive): the tower's
    /// reach. `floorDB` < 0 allows for a model that can go below free space (P.1812's focusing
    /// at p < 50 %).
    public func freeSpaceReachM(frequencyGHz: Double, floorDB: Double = 0) -> Double {
        let largestLossDB = eirpDBm - thresholdDBm
        return 1000 * pow(10, (largestLossDB - floorDB - 92.4 - 20 * log10(frequencyGHz)) / 20)
    }

    /// The antenna's gain relative to boresight towards the receiver, dB.
    @inlinable
    public func antennaGainDB(dCol: Int, dRow: Int, distanceM: Double, rxAltitudeM: Double) -> Double {
        // The azimuth matters only for a sector antenna.
        var az = 0.0
        if antenna.azimuthDeg != nil {
            az = atan2(Double(dCol), Double(-dRow)) * 180 / .pi
            if az < 0 { az += 360 }
        }
        let el = atan2(rxAltitudeM - txAltitudeM, distanceM) * 180 / .pi
        return antenna.relativeGainDB(azimuthDeg: az, elevationDeg: el)
    }
}
