import BlankSpotCore
import BlankSpotGDAL
import Foundation

/// The clutter of a `profile` path over DEMs, as `coverage` takes it: the land-cover class of
/// every profile point (its R and P.1812 zone for P.1812), and the receiver's class for ITM's
/// P.2108-1 §3.1 terminal correction.
enum ProfileClutter {
    /// The class at each point of `g`; nil for bare terrain (`--clutter none`).
    static func classes(along g: GeodesicProfile, clutter: ClutterSource) throws -> [LandCoverClass]? {
        switch clutter {
        case .none:
            return nil
        case .uniform(let u):
            return [LandCoverClass](repeating: u.landCoverClass, count: g.distancesM.count)
        case .landCover(let paths, let table, _):
            let codes = try LandCoverRaster.sample(paths: paths, lonDeg: g.lonDeg, latDeg: g.latDeg)
            return codes.map { $0 == LandCoverRaster.noData ? table.fallback : table.lookup(Int($0)) }
        }
    }

    /// Adds to ITM's result the receiver's terminal correction A_h (P.2108-1 §3.1) for a
    /// receiver in clutter of class `c`: a term, and the same dB on the basic transmission loss.
    /// - Throws: ``UsageError`` outside P.2108 §3.1's 30 MHz–3 GHz.
    static func addReceiverCorrection(to r: inout LinkReport.ModelResult, receiverClass c: LandCoverClass, link: P1812Link) throws {
        guard P2108.frequencyRangeGHz.contains(link.frequencyGHz) else {
            throw UsageError("ITM's receiver clutter correction (ITU-R P.2108-1 §3.1) covers 30–3000 MHz, got \(link.frequencyGHz * 1000) MHz; use --clutter none for bare terrain")
        }
        let ah = c.clutterHeightM > link.rxHeightM
            ? try P2108.heightGainCorrectionDB(frequencyGHz: link.frequencyGHz, heightM: link.rxHeightM, clutterHeightM: c.clutterHeightM,
                                               type: c.p2108Type)
            : 0
        r.model += " + receiver clutter (ITU-R P.2108-1 §3.1)"
        r.terms.append(.init(name: "receiver clutter, \(c.category) R = \(c.clutterHeightM.formatted) m", symbol: "Ah",
                             equation: "P.2108-1 eq. 2", valueDB: ah))
        r.basicTransmissionLossDB += ah
        r.fieldStrength1kWDBuVm -= ah
    }
}
