import BlankSpotCore
import Foundation

/// The point-to-point report of `blankspot profile`: one path, the chosen models, every term.
public struct LinkReport: Codable, Sendable {
    public struct Endpoint: Codable, Sendable {
        public var lonDeg: Double?
        public var latDeg: Double?
        public var groundM: Double
        public var antennaM: Double
    }

    public struct Term: Codable, Sendable {
        public var name: String
        public var symbol: String
        public var equation: String
        public var valueDB: Double
    }

    /// A model's other reported quantity (mode, heights, angles), with its unit.
    public struct Value: Codable, Sendable {
        public var name: String
        public var value: Double
        public var unit: String
        /// Decimals in the text report (0 for counts and codes).
        public var decimals: Int = 3
    }

    public struct ModelResult: Codable, Sendable {
        public var model: String
        public var basicTransmissionLossDB: Double
        /// Field strength for 1 kW e.r.p., dBµV/m (P.1812 eq. 70).
        public var fieldStrength1kWDBuVm: Double
        public var terms: [Term]
        public var values: [Value]? = nil
    }

    public var source: String
    /// Where the profile's clutter comes from.
    public var clutter: String
    public var transmitter: Endpoint
    public var receiver: Endpoint
    public var pathLengthKm: Double
    public var points: Int
    public var spacingM: Double
    public var frequencyMHz: Double
    public var timePercent: Double
    public var locationPercent: Double
    public var polarization: String
    public var deltaN: Double
    public var n0: Double
    public var lineOfSight: Bool
    public var txHorizonAngleMrad: Double
    public var txHorizonDistanceKm: Double
    public var rxHorizonAngleMrad: Double
    public var rxHorizonDistanceKm: Double
    public var angularDistanceMrad: Double
    public var results: [ModelResult]

    /// The report as indented text for a terminal.
    public func text() -> String {
        func f(_ v: Double, _ d: Int = 2) -> String { String(format: "%.\(d)f", v) }
        func place(_ e: Endpoint) -> String {
            let at = (e.lonDeg != nil && e.latDeg != nil) ? String(format: "%.5f, %.5f: ", e.lonDeg!, e.latDeg!) : ""
            return "\(at)ground \(f(e.groundM, 1)) m, antenna \(f(e.antennaM, 1)) m above ground"
        }
        var lines = [
            "path (\(source))",
            "  transmitter  \(place(transmitter))",
            "  receiver     \(place(receiver))",
            "  length       \(f(pathLengthKm, 3)) km, \(points) points every \(f(spacingM, 1)) m",
            "  clutter      \(clutter)",
            "  radio        \(f(frequencyMHz, 1)) MHz, \(polarization) polarisation, p = \(f(timePercent, 1)) % time, pL = \(f(locationPercent, 1)) % locations",
            "  climate      ΔN = \(f(deltaN, 1)) N-units/km, N0 = \(f(n0, 1)) N-units",
            "  line of sight: \(lineOfSight ? "yes" : "no (trans-horizon)")",
            "  horizons     transmitter \(f(txHorizonAngleMrad, 3)) mrad at \(f(txHorizonDistanceKm, 3)) km, receiver \(f(rxHorizonAngleMrad, 3)) mrad at \(f(rxHorizonDistanceKm, 3)) km",
            "  angular distance θ = \(f(angularDistanceMrad, 3)) mrad",
        ]
        for r in results {
            lines.append("")
            lines.append(r.model)
            for t in r.terms {
                let label = "\(t.name) (\(t.symbol))"
                lines.append("  " + label.padding(toLength: 52, withPad: " ", startingAt: 0) + f(t.valueDB, 3).leftPadded(10) + " dB   " + t.equation)
            }
            lines.append("  " + "basic transmission loss (Lb)".padding(toLength: 52, withPad: " ", startingAt: 0) + f(r.basicTransmissionLossDB, 3).leftPadded(10) + " dB")
            lines.append("  " + "field strength, 1 kW e.r.p. (Ep)".padding(toLength: 52, withPad: " ", startingAt: 0) + f(r.fieldStrength1kWDBuVm, 3).leftPadded(10) + " dBµV/m")
            for v in r.values ?? [] {
                lines.append("  " + v.name.padding(toLength: 52, withPad: " ", startingAt: 0) + (f(v.value, v.decimals) + String(repeating: " ", count: v.decimals == 0 ? 4 : 0)).leftPadded(10) + " " + v.unit)
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    public func json() throws -> String {
        String(decoding: try OutputJSON.encoder().encode(self), as: UTF8.self) + "\n"
    }
}

extension String {
    func leftPadded(_ n: Int) -> String { count >= n ? self : String(repeating: " ", count: n - count) + self }
}
