package com.anycompany.shop.image.art;

import java.awt.Graphics2D;

/**
 * Draws something in the design coordinates of its artwork; the renderer scales the
 * graphics to the size asked for, so drawings stay sharp at every width.
 */
@FunctionalInterface
public interface Painter {

	void paint(Graphics2D g);

}
