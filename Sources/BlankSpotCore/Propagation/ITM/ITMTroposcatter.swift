import Foundation

/// ITM's forward-scatter attenuation (Hufford 1995, ITM v1.2.2 §4, "ascat", eqs. 4.53–4.67):
/// the attenuation function F(θd) of the scattering angle (``scatterFunctionDB(_:)``), a
/// frequency-gain term, a refractivity correction and the frequency-gain function H0 of the
/// scattering volume's height (``volumeGainDB(_:_:)``).
struct ITMTroposcatter {
    let geometry: ITMPathGeometry
    let environment: ITMEnvironment
    let angleSumRad: Double   // θe sum limited below (tha)
    private let horizonAsymmetryM: Double   // |dL,tx − dL,rx|
    private let heightRatio: Double
    private let refractivityFactor: Double  // η_s polynomial of Ns
    /// The H0 of the previous evaluation, reused when it exceeded 15 dB (the reference
    /// algorithm's carried state; −15 until the first evaluation).
    private var previousH0DB = -15.0

    init(geometry g: ITMPathGeometry, environment e: ITMEnvironment, angleSumRad tha: Double) {
        geometry = g
        environment = e
        angleSumRad = tha
        var ad = g.horizonDistancesM[0] - g.horizonDistancesM[1]
        var rr = g.effectiveHeightsM[1] / g.effectiveHeightsM[0]
        if ad < 0 {
            ad = -ad
            rr = 1 / rr
        }
        horizonAsymmetryM = ad
        heightRatio = rr
        let ns = e.surfaceRefractivity
        refractivityFactor = (5.67e-6 * ns - 2.32e-3) * ns + 0.031
    }

    /// Scatter attenuation at `d` metres, or 1001 when both antennas are too low for the
    /// scattering volume to matter (the reference's "no scatter" signal).
    mutating func attenuationDB(distanceM d: Double) -> Double {
        let g = geometry, e = environment
        var h0: Double
        if previousH0DB > 15 {
            h0 = previousH0DB
        } else {
            let th = g.horizonAnglesRad[0] + g.horizonAnglesRad[1] + d * e.curvaturePerM
            var r2 = 2 * e.waveNumber * th
            let r1 = r2 * g.effectiveHeightsM[0]
            r2 *= g.effectiveHeightsM[1]
            if r1 < 0.2 && r2 < 0.2 { return 1001 }
            let ad = horizonAsymmetryM
            var ss = (d - ad) / (d + ad)
            var q = heightRatio / ss
            ss = max(0.1, ss)
            q = min(max(0.1, q), 10)
            let z0 = (d - ad) * (d + ad) * th * 0.25 / d
            let et = (refractivityFactor * exp(-pow(min(1.7, z0 / 8.0e3), 6)) + 1) * z0 / 1.7556e3
            let ett = max(et, 1)
            h0 = (Self.volumeGainDB(r1, ett) + Self.volumeGainDB(r2, ett)) * 0.5
            h0 += min(h0, (1.38 - log(ett)) * log(ss) * log(q) * 0.49)
            h0 = max(h0, 0)
            if et < 1 {
                let a = (1 + 1.4142 / r1) * (1 + 1.4142 / r2)
                h0 = et * h0 + (1 - et) * 4.343 * log(a * a * (r1 + r2) / (r1 + r2 + 2.8284))
            }
            if h0 > 15 && previousH0DB >= 0 { h0 = previousH0DB }
        }
        previousH0DB = h0
        let th = angleSumRad + d * e.curvaturePerM
        return Self.scatterFunctionDB(th * d) + 4.343 * log(47.7 * e.waveNumber * pow(th, 4))
            - 0.1 * (e.surfaceRefractivity - 301) * exp(-th * d / 40e3) + h0
    }

    /// The frequency-gain function H0(r, η) (eqs. 4.66–4.67), interpolated between the
    /// tabulated η = 1…5 curves.
    static func volumeGainDB(_ r: Double, _ et: Double) -> Double {
        let a = volumeGainA, b = volumeGainB
        var it = Int(et)
        var q = 0.0
        if it <= 0 {
            it = 1
        } else if it >= 5 {
            it = 5
        } else {
            q = et - Double(it)
        }
        let x = (1 / r) * (1 / r)
        var h = 4.343 * log((a[it - 1] * x + b[it - 1]) * x + 1)
        if q != 0 { h = (1 - q) * h + q * 4.343 * log((a[it] * x + b[it]) * x + 1) }
        return h
    }

    /// The attenuation function F(θd) of the product of scattering angle and distance (eq. 4.65).
    static func scatterFunctionDB(_ td: Double) -> Double {
        let i = td <= 10e3 ? 0 : (td <= 70e3 ? 1 : 2)
        return scatterA[i] + scatterB[i] * td + scatterC[i] * log(td)
    }

    private static let volumeGainA = [25.0, 80, 177, 395, 705], volumeGainB = [24.0, 45, 68, 80, 105]
    private static let scatterA = [133.4, 104.6, 71.8], scatterB = [0.332e-3, 0.212e-3, 0.157e-3]
    private static let scatterC = [-4.343, -1.086, 2.171]
}
