/**
 * A phone photo is often 3–8 MB; the stall shows it at most ~1600 px wide. Shrinks it in the browser
 * before upload (JPEG), so a cooperative on a rural mobile connection sends a few hundred KB.
 * Anything that fails (an old browser, an odd format) sends the original: the server judges it.
 */
export async function shrinkPhoto(file: File, max = 1600): Promise<File> {
  if (file.size < 600_000 || !("createImageBitmap" in window)) return file
  try {
    const bitmap = await createImageBitmap(file)
    const scale = Math.min(1, max / Math.max(bitmap.width, bitmap.height))
    const canvas = document.createElement("canvas")
    canvas.width = Math.round(bitmap.width * scale)
    canvas.height = Math.round(bitmap.height * scale)
    canvas.getContext("2d")!.drawImage(bitmap, 0, 0, canvas.width, canvas.height)
    const blob = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, "image/jpeg", 0.85))
    if (!blob || blob.size >= file.size) return file
    return new File([blob], file.name.replace(/\.\w+$/, "") + ".jpg", { type: "image/jpeg" })
  } catch {
    return file
  }
}
