import Foundation

/// Recommendation ITU-R P.2108-1 (09/2021), Annex 1 §3.1: the height-gain terminal correction
/// model, the extra loss of a terminal that stands within clutter of representative height R.
/// Valid from 0.03 to 3 GHz; it is meant for path models whose terrain has no clutter at the
/// terminal (blankspot applies it to ITM's receiver; P.1812 carries clutter in its profile).
public enum P2108 {
    /// The clutter types of Table 1 (§3.1), with the codes of NTIA's reference software.
    public enum ClutterType: Int, Sendable, CaseIterable, Codable {
        case waterSea = 1, openRural = 2, suburban = 3, urban = 4, treesForest = 5, denseUrban = 6

        /// Table 1's default representative clutter height R, m.
        public var defaultHeightM: Double {
            switch self {
            case .waterSea, .openRural: return 10
            case .suburban: return 10
            case .urban, .treesForest: return 15
            case .denseUrban: return 20
            }
        }

        /// Water/sea and open/rural use the height-gain term (eq. 2b); the others the
        /// knife-edge term over the clutter (eq. 2a).
        var usesHeightGain: Bool { self == .waterSea || self == .openRural }
    }

    /// Why an input is refused, with the return codes of NTIA's reference software.
    public enum Refusal: Int, Error, Sendable {
        case frequencyOutOfRange = 32, heightNotPositive = 33, streetWidthNotPositive = 34, clutterHeightNotPositive = 35
    }

    public static let frequencyRangeGHz = 0.03...3.0
    /// The street width w_s of §3.1 when none is known, m.
    public static let defaultStreetWidthM = 27.0

    /// A_h, dB (§3.1 eqs. 2–7) for a terminal `heightM` above ground in clutter of type `type`
    /// and representative height `clutterHeightM`, at `frequencyGHz`, in streets `streetWidthM`
    /// wide. A terminal at or above R has no correction (A_h = 0).
    /// - Throws: ``Refusal`` for inputs outside the method's domain.
    public static func heightGainCorrectionDB(frequencyGHz f: Double, heightM h: Double, clutterHeightM r: Double,
                                               type: ClutterType, streetWidthM ws: Double = defaultStreetWidthM) throws -> Double {
        guard frequencyRangeGHz.contains(f) else { throw Refusal.frequencyOutOfRange }
        guard h > 0 else { throw Refusal.heightNotPositive }
        guard ws > 0 else { throw Refusal.streetWidthNotPositive }
        guard r > 0 else { throw Refusal.clutterHeightNotPositive }
        guard h < r else { return 0 }
        if type.usesHeightGain {
            let kh2 = 21.8 + 6.2 * log10(f)                      // eq. 6
            return -kh2 * log10(h / r)                            // eq. 2b
        }
        let hDif = r - h                                          // eq. 4
        let thetaClutDeg = atan(hDif / ws) * 180 / Double.pi      // eq. 5
        let kNu = 0.342 * f.squareRoot()                          // eq. 7
        let nu = kNu * (hDif * thetaClutDeg).squareRoot()         // eq. 3
        return KnifeEdge.lossDB(nu: nu) - 6.03                    // eq. 2a, J(ν) of P.526
    }
}
