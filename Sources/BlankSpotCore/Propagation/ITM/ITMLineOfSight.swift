import Foundation

/// ITM's line-of-sight attenuation (Hufford 1995, ITM v1.2.2 §4, "alos", eqs. 4.43–4.52): the
/// two-ray sum of the direct wave and a ground reflection (reflection coefficient from the
/// ground impedance, reduced by the terrain's roughness), blended with the extrapolated
/// diffraction line A = aed + emd·d.
struct ITMLineOfSight {
    let geometry: ITMPathGeometry
    let environment: ITMEnvironment
    let diffractionSlope: Double    // emd, dB/m
    let diffractionIntercept: Double   // aed, dB
    private let weight: Double      // wls

    init(geometry g: ITMPathGeometry, environment e: ITMEnvironment, smoothHorizonSumM dlsa: Double,
         diffractionSlope emd: Double, diffractionIntercept aed: Double) {
        geometry = g
        environment = e
        diffractionSlope = emd
        diffractionIntercept = aed
        weight = 0.021 / (0.021 + e.waveNumber * g.deltaHM / max(10e3, dlsa))
    }

    func attenuationDB(distanceM d: Double) -> Double {
        let g = geometry, e = environment
        var q = (1 - 0.8 * exp(-d / 50e3)) * g.deltaHM
        let sigmaH = 0.78 * q * exp(-pow(q / 16, 0.25))
        q = g.effectiveHeightsM[0] + g.effectiveHeightsM[1]
        let sinPsi = q / (d * d + q * q).squareRoot()
        let s = ITMComplex(sinPsi, 0)
        var r = (s - e.groundImpedance) / (s + e.groundImpedance) * exp(-min(10, e.waveNumber * sigmaH * sinPsi))
        let r2 = r.magnitudeSquared
        if r2 < 0.25 || r2 < sinPsi { r = r * (sinPsi / r2).squareRoot() }
        let diffractionLine = diffractionSlope * d + diffractionIntercept
        var phase = e.waveNumber * g.effectiveHeightsM[0] * g.effectiveHeightsM[1] * 2 / d
        if phase > 1.57 { phase = 3.14 - 2.4649 / phase }
        let twoRay = -4.343 * log((ITMComplex(cos(phase), -sin(phase)) + r).magnitudeSquared)
        return (twoRay - diffractionLine) * weight + diffractionLine
    }
}
