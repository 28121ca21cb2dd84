import Foundation

/// Ducting and layer reflection (ITU-R P.1812-7/8 §4.5, eqs. 46–56).
public enum P1812Ducting {
    /// Lba = Af + Ad(p) (eq. 46).
    public static func lossDB(link: P1812Link, analysis a: P1812PathAnalysis, climate c: P1812RadioClimate) -> Double {
        let f = link.frequencyGHz, d = a.pathLengthKm, p = link.timePercent
        let dlt = a.txHorizonKm, dlr = a.rxHorizonKm
        let ae = c.effectiveEarthRadiusKm, omega = c.seaFraction

        // Fixed coupling losses Af (eq. 47): empirical low-frequency correction Alf,
        // site shielding Ast, Asr (eq. 48) and over-sea duct coupling Act, Acr (eq. 49).
        let alf = f < 0.5 ? 45.375 - 137.0 * f + 92.5 * f * f : 0
        func siteShielding(_ thetaMrad: Double, _ dlKm: Double) -> Double {
            let t = thetaMrad - 0.1 * dlKm
            return t > 0 ? 20 * log10(1 + 0.361 * t * (f * dlKm).squareRoot()) + 0.264 * t * pow(f, 1.0 / 3) : 0
        }
        func seaCoupling(_ coastKm: Double, _ dlKm: Double, _ hsM: Double) -> Double {
            guard omega >= 0.75, coastKm <= dlKm, coastKm <= 5 else { return 0 }
            return -3 * exp(-0.25 * coastKm * coastKm) * (1 + tanh(0.07 * (50 - hsM)))
        }
        let af = 102.45 + 20 * log10(f) + 20 * log10(dlt + dlr) + alf
            + siteShielding(a.txHorizonAngleMrad, dlt) + siteShielding(a.rxHorizonAngleMrad, dlr)
            + seaCoupling(link.txCoastDistanceKm, dlt, a.txAltitudeM) + seaCoupling(link.rxCoastDistanceKm, dlr, a.rxAltitudeM)

        // Time-percentage and angular-distance dependent losses Ad(p) (eqs. 50–56).
        let gammaD = 5e-5 * ae * pow(f, 1.0 / 3)   // eq. 51, dB/mrad
        let thetaTp = a.txHorizonAngleMrad <= 0.1 * dlt ? a.txHorizonAngleMrad : 0.1 * dlt   // eq. 52a
        let thetaRp = a.rxHorizonAngleMrad <= 0.1 * dlr ? a.rxHorizonAngleMrad : 0.1 * dlr
        let thetaP = 1000 * d / ae + thetaTp + thetaRp   // eq. 52
        let alpha = max(-0.6 - 3.5e-9 * pow(d, 3.1) * c.tau, -3.4)   // eq. 55a
        let hte = a.ductingTxHeightM, hre = a.ductingRxHeightM
        let mu2 = min(pow(500 / ae * d * d / pow(hte.squareRoot() + hre.squareRoot(), 2), alpha), 1)   // eq. 55
        let dI = min(d - dlt - dlr, 40)   // eq. 56a
        let mu3 = a.roughnessM <= 10 ? 1 : exp(-4.6e-5 * (a.roughnessM - 10) * (43 + 6 * dI))   // eq. 56
        let beta = c.beta0Percent * mu2 * mu3   // eq. 54
        let lb = log10(beta)
        let gamma = 1.076 / pow(2.0058 - lb, 1.012) * exp(-(9.51 - 4.8 * lb + 0.198 * lb * lb) * 1e-6 * pow(d, 1.13))   // eq. 53a
        let ap = -12 + (1.2 + 3.7e-3 * d) * log10(p / beta) + 12 * pow(p / beta, gamma)   // eq. 53
        return af + gammaD * thetaP + ap   // eqs. 46, 50
    }
}
