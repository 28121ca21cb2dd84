import Foundation

/// ITM's diffraction attenuation (Hufford 1995, ITM v1.2.2 §4, "adiff", eqs. 4.10–4.20): a
/// weighted blend of double knife-edge diffraction over the two horizons (Fresnel–Kirchhoff,
/// ``knifeEdgeDB(_:)``) and smooth rounded-earth diffraction (Vogler's three-radii method via
/// ``heightGainDB(_:_:)``), the weight set by the terrain roughness, plus a clutter term for
/// low antennas. The distance-independent part is computed once per path.
struct ITMDiffraction {
    let geometry: ITMPathGeometry
    let environment: ITMEnvironment
    /// Sum of the horizon distances dLs of the smooth earth, and dL, θe of the path.
    let smoothHorizonSumM: Double
    let horizonSumM: Double
    let angleSumRad: Double
    private let weightFactor: Double   // wd1, eq. 4.16 part
    private let weightOffsetM: Double  // xd1
    private let clutterDB: Double      // afo, eq. 4.20
    private let inverseImpedance: Double   // 1/|Zg|
    private let heightGainSumDB: Double    // aht: 20 + Σ F(x_j, K_j)
    private let heightGainArgSum: Double   // xht: Σ x_j

    init(geometry g: ITMPathGeometry, environment e: ITMEnvironment, smoothHorizonSumM dlsa: Double,
         horizonSumM dla: Double, angleSumRad tha: Double) {
        geometry = g
        environment = e
        smoothHorizonSumM = dlsa
        horizonSumM = dla
        angleSumRad = tha
        let hg = g.antennaHeightsM, he = g.effectiveHeightsM
        var product = hg[0] * hg[1]
        let excess = he[0] * he[1] - product
        if g.isPointToPoint { product += 10 }
        weightFactor = (1 + excess / product).squareRoot()
        weightOffsetM = dla + tha / e.curvaturePerM
        var q = (1 - 0.8 * exp(-dlsa / 50e3)) * g.deltaHM
        q *= 0.78 * exp(-pow(q / 16, 0.25))
        clutterDB = min(15, 2.171 * log(1 + 4.77e-4 * hg[0] * hg[1] * e.waveNumber * q))
        inverseImpedance = 1 / e.groundImpedance.magnitude
        var aht = 20.0, xht = 0.0
        for j in 0..<2 {
            let dl = g.horizonDistancesM[j]
            let radius = 0.5 * dl * dl / he[j]
            let wa = cbrt(radius * e.waveNumber)
            let pk = inverseImpedance / wa
            let x = (1.607 - pk) * 151.0 * wa * dl / radius
            xht += x
            aht += Self.heightGainDB(x, pk)
        }
        heightGainSumDB = aht
        heightGainArgSum = xht
    }

    /// Diffraction attenuation at distance `d` metres beyond the horizons (d > dL).
    func attenuationDB(distanceM d: Double) -> Double {
        let e = environment, g = geometry
        let th = angleSumRad + d * e.curvaturePerM
        let ds = d - horizonSumM
        let q = 0.0795775 * e.waveNumber * ds * th * th
        let knife = Self.knifeEdgeDB(q * g.horizonDistancesM[0] / (ds + g.horizonDistancesM[0]))
            + Self.knifeEdgeDB(q * g.horizonDistancesM[1] / (ds + g.horizonDistancesM[1]))
        let radius = ds / th
        let wa = cbrt(radius * e.waveNumber)
        let pk = inverseImpedance / wa
        let x = (1.607 - pk) * 151.0 * wa * th + heightGainArgSum
        let rounded = 0.05751 * x - 4.343 * log(x) - heightGainSumDB
        let roughness = (weightFactor + weightOffsetM / d) * min((1 - 0.8 * exp(-d / 50e3)) * g.deltaHM * e.waveNumber, 6283.2)
        let w = 25.1 / (25.1 + roughness.squareRoot())
        return rounded * w + (1 - w) * knife + clutterDB
    }

    /// Knife-edge attenuation A(v²) for v² = `v2` (Hufford's fit to the Fresnel integral, eq. 4.21).
    static func knifeEdgeDB(_ v2: Double) -> Double {
        v2 < 5.76 ? 6.02 + 9.11 * v2.squareRoot() - 1.27 * v2 : 12.953 + 4.343 * log(v2)
    }

    /// Height-gain function F(x, K) of smooth-earth diffraction (eqs. 4.22–4.25).
    static func heightGainDB(_ x: Double, _ pk: Double) -> Double {
        if x < 200 {
            let w = -log(pk)
            if pk < 1e-5 || x * w * w * w > 5495 {
                return x > 1 ? 17.372 * log(x) - 117 : -117
            }
            return 2.5e-5 * x * x / pk - 8.686 * w - 15
        }
        var f = 0.05751 * x - 4.343 * log(x)
        if x < 2000 {
            let w = 0.0134 * x * exp(-0.005 * x)
            f = (1 - w) * f + w * (17.372 * log(x) - 117)
        }
        return f
    }
}
