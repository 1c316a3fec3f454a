package com.anycompany.shop.image.serving;

/**
 * A rendered image: the PNG bytes, ready to send, and their strong entity tag.
 */
record PngImage(byte[] bytes, String etag, int width, int height) {

}
