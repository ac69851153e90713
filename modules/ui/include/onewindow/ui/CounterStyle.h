#pragma once

#include <QProxyStyle>

namespace ow::ui {

// The application's own style (Fusion or whatever -style chose), with one difference that matters
// before the first paint: the standard icons widgets ask for when they are made (the menu bar's
// overflow arrow, a line edit's clear button) are read when first drawn, not then. Qt's styles
// read them from PNG files, and the first image read through QImageReader loads every image
// format plugin Qt has (TIFF, WebP, MNG… and their libraries): about 4 % of the client's start-up
// CPU before its first paint, for icons that its first screen does not show.
class CounterStyle : public QProxyStyle
{
    Q_OBJECT

public:
    // Wraps a new instance of the current application style and makes it the application's.
    static void install();

    explicit CounterStyle(QStyle *base);

    QIcon standardIcon(StandardPixmap standardIcon, const QStyleOption *option = nullptr,
        const QWidget *widget = nullptr) const override;
    void drawPrimitive(PrimitiveElement element, const QStyleOption *option, QPainter *painter,
        const QWidget *widget = nullptr) const override;
};

} // namespace ow::ui
