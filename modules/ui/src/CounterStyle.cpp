#include "onewindow/ui/CounterStyle.h"

#include "DeferredIconEngine.h"

#include <QApplication>
#include <QGroupBox>
#include <QIcon>
#include <QPainter>
#include <QStyleFactory>
#include <QStyleOption>
#include <QWidget>

namespace ow::ui {

void CounterStyle::install()
{
    QStyle *base = QStyleFactory::create(QApplication::style()->name());
    if (!base)
        return; // a style that cannot be made twice: left as it is
    QApplication::setStyle(new CounterStyle(base));
}

CounterStyle::CounterStyle(QStyle *base)
    : QProxyStyle(base)
{ }

QIcon CounterStyle::standardIcon(StandardPixmap standardIcon, const QStyleOption *option, const QWidget *widget) const
{
    // The icons widgets make at construction: the line edits' clear button, the overflow arrows.
    switch (standardIcon) {
    case SP_LineEditClearButton:
    case SP_ToolBarHorizontalExtensionButton:
    case SP_ToolBarVerticalExtensionButton: {
        const Qt::LayoutDirection direction = option ? option->direction
            : widget                                 ? widget->layoutDirection()
                                                     : QGuiApplication::layoutDirection();
        return QIcon(new DeferredIconEngine(baseStyle(), standardIcon, direction));
    }
    default: return QProxyStyle::standardIcon(standardIcon, option, widget);
    }
}

void CounterStyle::drawPrimitive(
    PrimitiveElement element, const QStyleOption *option, QPainter *painter, const QWidget *widget) const
{
    if (element != PE_FrameGroupBox || baseStyle()->name() != QLatin1String("fusion"))
        return QProxyStyle::drawPrimitive(element, option, painter, widget);
    // Fusion draws this frame from a PNG (fusion_groupbox.png, a rounded outline); drawn here the
    // same way without reading a file. Its top margin as Fusion computes it.
    const auto *box = qobject_cast<const QGroupBox *>(widget);
    const int topMargin = box && !box->isCheckable() && box->title().isEmpty()
        ? 3
        : qMax(pixelMetric(PM_ExclusiveIndicatorHeight), option->fontMetrics.height()) + 3;
    const QRectF frame = QRectF(option->rect.adjusted(0, topMargin, 0, 0)).adjusted(0.5, 0.5, -0.5, -0.5);
    painter->save();
    painter->setRenderHint(QPainter::Antialiasing);
    painter->setBrush(QColor(0, 0, 0, 3));
    painter->setPen(QColor(0, 0, 0, 26));
    painter->drawRoundedRect(frame, 2, 2);
    painter->restore();
}

} // namespace ow::ui
