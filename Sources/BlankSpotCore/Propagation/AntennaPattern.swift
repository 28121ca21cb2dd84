import Foundation

/// Base-station antenna gain relative to boresight, the 3GPP TR 36.814 (v9.2.0, Table
/// A.2.1.1-2) sector pattern:
/// - horizontal A_H(φ) = −min(12·(φ/φ3dB)², Am), Am = 25 dB;
/// - vertical A_V(θ) = −min(12·((θ − θtilt)/θ3dB)², SLAv), θ3dB = 10°, SLAv = 20 dB, with θ the
///   depression angle below the horizon and θtilt the downtilt;
/// - combined A = −min(−(A_H + A_V), Am).
/// An omnidirectional antenna (no azimuth) has A_H = 0 and the same vertical pattern.
public struct AntennaPattern: Sendable, Equatable {
    /// Boresight azimuth, degrees clockwise from north; nil = omnidirectional.
    public var azimuthDeg: Double?
    public var beamwidthDeg: Double
    public var tiltDeg: Double
    public var verticalBeamwidthDeg = 10.0
    public var frontToBackDB = 25.0
    public var sideLobeVerticalDB = 20.0

    public init(azimuthDeg: Double?, beamwidthDeg: Double, tiltDeg: Double) {
        self.azimuthDeg = azimuthDeg
        self.beamwidthDeg = beamwidthDeg
        self.tiltDeg = tiltDeg
    }

    /// Gain relative to boresight, dB (≤ 0), towards azimuth `azimuthDeg` and elevation
    /// `elevationDeg` (negative below the horizon).
    @inlinable
    public func relativeGainDB(azimuthDeg az: Double, elevationDeg el: Double) -> Double {
        var horizontal = 0.0
        if let boresight = azimuthDeg {
            var phi = (az - boresight).truncatingRemainder(dividingBy: 360)
            if phi > 180 { phi -= 360 } else if phi < -180 { phi += 360 }
            let r = phi / beamwidthDeg
            horizontal = -min(12 * r * r, frontToBackDB)
        }
        let v = (-el - tiltDeg) / verticalBeamwidthDeg
        let vertical = -min(12 * v * v, sideLobeVerticalDB)
        return -min(-(horizontal + vertical), frontToBackDB)
    }
}
