import CGDAL
import BlankSpotCore
import Foundation

/// Writes an RGBA picture as PNG through GDAL's PNG driver (a MEM dataset over the pixels,
/// then CreateCopy). No georeferencing is written, so no `.aux.xml` or world file appears
/// beside it.
public enum PNGWriter {
    public static func write(rgba: [UInt8], width: Int, height: Int, to path: String) throws {
        GDALRuntime.start()
        guard rgba.count == width * height * 4, width > 0, height > 0 else {
            throw GDALFailure(path: path, operation: "write a \(width) × \(height) picture from \(rgba.count) bytes", gdalMessage: "")
        }
        guard let png = GDALGetDriverByName("PNG") else { throw GDALRuntime.failure("find GDAL's PNG driver") }
        var pixels = rgba
        try pixels.withUnsafeMutableBufferPointer { buffer in
            let address = UInt(bitPattern: buffer.baseAddress)
            // Pixel-interleaved: band k starts k bytes in, pixels 4 bytes apart.
            let memPath = "MEM:::DATAPOINTER=\(address),PIXELS=\(width),LINES=\(height),BANDS=4,DATATYPE=Byte,"
                + "PIXELOFFSET=4,LINEOFFSET=\(width * 4),BANDOFFSET=1"
            guard let source = GDALOpen(memPath, GA_ReadOnly) else { throw GDALRuntime.failure("wrap the picture's pixels") }
            defer { GDALClose(source) }
            GDALSetRasterColorInterpretation(GDALGetRasterBand(source, 4), GCI_AlphaBand)
            let options = CStringList(["ZLEVEL=6"])
            guard let copy = GDALCreateCopy(png, path, source, 0, options.pointer, nil, nil) else {
                throw GDALRuntime.failure("write the PNG", path: path)
            }
            GDALClose(copy)
        }
    }

    /// The PNG bytes of an RGBA picture (written through GDAL into an in-memory file).
    public static func encode(rgba: [UInt8], width: Int, height: Int) throws -> [UInt8] {
        let path = "/vsimem/blankspot-\(UUID().uuidString).png"
        try write(rgba: rgba, width: width, height: height, to: path)
        defer { VSIUnlink(path) }
        var length: vsi_l_offset = 0
        guard let buffer = VSIGetMemFileBuffer(path, &length, 0) else {
            throw GDALRuntime.failure("read back the in-memory PNG", path: path)
        }
        return Array(UnsafeBufferPointer(start: buffer, count: Int(length)))
    }
}
