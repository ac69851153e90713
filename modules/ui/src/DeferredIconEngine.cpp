#include "DeferredIconEngine.h"

#include <QPainter>
#include <QStyleOption>

namespace ow::ui {

DeferredIconEngine::DeferredIconEngine(const QStyle *style, QStyle::StandardPixmap which, Qt::LayoutDirection direction)
    : m_style(style)
    , m_which(which)
    , m_direction(direction)
{ }

const QIcon &DeferredIconEngine::icon()
{
    if (!m_loaded && m_style) {
        m_loaded = true;
        QStyleOption option;
        option.direction = m_direction;
        m_icon = m_style->standardIcon(m_which, &option);
    }
    return m_icon;
}

void DeferredIconEngine::paint(QPainter *painter, const QRect &rect, QIcon::Mode mode, QIcon::State state)
{
    icon().paint(painter, rect, Qt::AlignCenter, mode, state);
}

QPixmap DeferredIconEngine::pixmap(const QSize &size, QIcon::Mode mode, QIcon::State state)
{
    return icon().pixmap(size, mode, state);
}

QSize DeferredIconEngine::actualSize(const QSize &size, QIcon::Mode mode, QIcon::State state)
{
    return icon().actualSize(size, mode, state);
}

QList<QSize> DeferredIconEngine::availableSizes(QIcon::Mode mode, QIcon::State state)
{
    return icon().availableSizes(mode, state);
}

QString DeferredIconEngine::key() const
{
    return QStringLiteral("ow-deferred-style-icon");
}

QIconEngine *DeferredIconEngine::clone() const
{
    auto *copy = new DeferredIconEngine(m_style, m_which, m_direction);
    copy->m_icon = m_icon;
    copy->m_loaded = m_loaded;
    return copy;
}

} // namespace ow::ui
