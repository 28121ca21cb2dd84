import Foundation

/// Quantities ITM derives once from frequency, refractivity and ground before any path work
/// (the "preparatory subprogram" qlrps of Hufford 1995, ITM v1.2.2 §4, eqs. 4.1–4.4).
struct ITMEnvironment: Sendable {
    /// Wave number k = f / 47.7 (f in MHz), per metre.
    let waveNumber: Double
    /// Surface refractivity Ns = N0·exp(−z_sys/9460), N-units (eq. 4.2; z_sys in metres).
    let surfaceRefractivity: Double
    /// Effective earth curvature γe = γa(1 − 0.04665·exp(Ns/179.3)), γa = 157·10⁻⁹ per metre
    /// (eq. 4.3).
    let curvaturePerM: Double
    /// Surface transfer impedance of the ground, Zg = √(εr' − 1) (horizontal) or that over εr'
    /// (vertical), with εr' = εr + i·376.62·σ/k (eq. 4.4).
    let groundImpedance: ITMComplex

    init(frequencyMHz: Double, systemElevationM: Double, n0: Double, polarization: Int,
         permittivity: Double, conductivitySPerM: Double) {
        waveNumber = frequencyMHz / 47.7
        surfaceRefractivity = systemElevationM == 0 ? n0 : n0 * exp(-systemElevationM / 9460)
        curvaturePerM = 157e-9 * (1 - 0.04665 * exp(surfaceRefractivity / 179.3))
        let epsilon = ITMComplex(permittivity, 376.62 * conductivitySPerM / waveNumber)
        var zg = (epsilon - ITMComplex(1, 0)).squareRoot
        if polarization != 0 { zg = zg / epsilon }
        groundImpedance = zg
    }
}
