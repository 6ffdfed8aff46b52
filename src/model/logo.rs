//! The site's logo (`logo` in book.toml) as a certificate's `.docx` carries it: the image's
//! bytes and its size in pixels, read from the PNG or JPEG header. Pure: the loader reads
//! the file.

/// A raster logo a Word document can embed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Logo {
    pub bytes: Vec<u8>,
    /// `png` or `jpeg`: the media part's extension.
    pub ext: &'static str,
    pub width: u32,
    pub height: u32,
}

/// English Metric Units per millimetre, and per pixel at 96 dpi.
const EMU_PER_MM: u64 = 36_000;
const EMU_PER_PX: u64 = 9_525;
/// The most room the logo takes on a certificate: small enough that the example's
/// certificate of eighteen sessions still fits its one landscape page.
const MAX_HEIGHT_MM: u64 = 15;
const MAX_WIDTH_MM: u64 = 60;

impl Logo {
    /// The logo in `bytes`, or why it cannot go into a Word document.
    pub fn from_bytes(bytes: Vec<u8>) -> Result<Logo, String> {
        let (ext, (width, height)) = if bytes.starts_with(b"\x89PNG\r\n\x1a\n") {
            (
                "png",
                png_size(&bytes).ok_or("the PNG has no readable size")?,
            )
        } else if bytes.starts_with(&[0xFF, 0xD8]) {
            (
                "jpeg",
                jpeg_size(&bytes).ok_or("the JPEG has no readable size")?,
            )
        } else {
            return Err("it is not a PNG or JPEG image".into());
        };
        if width == 0 || height == 0 {
            return Err("the image has no pixels".into());
        }
        Ok(Logo {
            bytes,
            ext,
            width,
            height,
        })
    }

    /// `image/png` or `image/jpeg`.
    pub fn content_type(&self) -> &'static str {
        if self.ext == "png" {
            "image/png"
        } else {
            "image/jpeg"
        }
    }

    /// Width and height in EMU: the pixels at 96 dpi, scaled down (aspect kept) to at most
    /// 1.5 cm high and 6 cm wide.
    pub fn extent(&self) -> (u64, u64) {
        let (w, h) = (
            u64::from(self.width) * EMU_PER_PX,
            u64::from(self.height) * EMU_PER_PX,
        );
        let (max_w, max_h) = (MAX_WIDTH_MM * EMU_PER_MM, MAX_HEIGHT_MM * EMU_PER_MM);
        // The smaller of the two scales, as a fraction num/den, never above 1.
        let (num, den) = if w * max_h > h * max_w {
            (max_w, w)
        } else {
            (max_h, h)
        };
        if num >= den {
            (w, h)
        } else {
            ((w * num / den).max(1), (h * num / den).max(1))
        }
    }
}

fn be32(b: &[u8], at: usize) -> Option<u32> {
    Some(u32::from_be_bytes(b.get(at..at + 4)?.try_into().ok()?))
}

fn be16(b: &[u8], at: usize) -> Option<u32> {
    Some(u32::from(u16::from_be_bytes(
        b.get(at..at + 2)?.try_into().ok()?,
    )))
}

/// A PNG's IHDR, the first chunk: width and height at bytes 16 and 20.
fn png_size(b: &[u8]) -> Option<(u32, u32)> {
    (b.get(12..16)? == b"IHDR").then_some(())?;
    Some((be32(b, 16)?, be32(b, 20)?))
}

/// A JPEG's size, from its first start-of-frame segment (SOF0 to SOF15 but DHT, JPG, DAC).
fn jpeg_size(b: &[u8]) -> Option<(u32, u32)> {
    let mut at = 2;
    loop {
        if *b.get(at)? != 0xFF {
            return None;
        }
        let marker = *b.get(at + 1)?;
        if marker == 0xFF {
            at += 1;
            continue;
        }
        let len = be16(b, at + 2)? as usize;
        if (0xC0..=0xCF).contains(&marker) && ![0xC4, 0xC8, 0xCC].contains(&marker) {
            return Some((be16(b, at + 7)?, be16(b, at + 5)?));
        }
        at += 2 + len;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn png(w: u32, h: u32) -> Vec<u8> {
        let mut b = b"\x89PNG\r\n\x1a\n\0\0\0\x0dIHDR".to_vec();
        b.extend(w.to_be_bytes());
        b.extend(h.to_be_bytes());
        b.extend([8, 6, 0, 0, 0]);
        b
    }

    #[test]
    fn sizes_are_read_and_scaled_keeping_the_aspect() {
        // 40 x 20 px at 96 dpi: 10.6 x 5.3 mm, small enough.
        let l = Logo::from_bytes(png(40, 20)).unwrap();
        assert_eq!((l.width, l.height, l.ext), (40, 20, "png"));
        assert_eq!(l.extent(), (381_000, 190_500));
        // 200 x 100 px: 53 x 26 mm, so 15 mm high and 30 mm wide.
        let big = Logo::from_bytes(png(200, 100)).unwrap();
        assert_eq!(big.extent(), (1_080_000, 540_000));
        // Wide: 60 mm wide, a tenth of that high.
        let wide = Logo::from_bytes(png(3000, 300)).unwrap();
        assert_eq!(wide.extent(), (2_160_000, 216_000));
        // Tall: 15 mm high.
        let tall = Logo::from_bytes(png(100, 1000)).unwrap();
        assert_eq!(tall.extent(), (54_000, 540_000));
    }

    #[test]
    fn jpeg_sizes_come_from_the_frame_header() {
        let mut b = vec![0xFF, 0xD8, 0xFF, 0xE0, 0, 4, 0, 0];
        b.extend([0xFF, 0xC0, 0, 11, 8, 0, 50, 0, 120, 3]);
        let l = Logo::from_bytes(b).unwrap();
        assert_eq!((l.width, l.height, l.ext), (120, 50, "jpeg"));
        assert!(Logo::from_bytes(b"<svg/>".to_vec()).is_err());
        assert!(Logo::from_bytes(vec![0xFF, 0xD8, 0xFF]).is_err());
    }
}
