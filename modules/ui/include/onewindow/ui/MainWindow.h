#pragma once

#include <QMainWindow>

#include <functional>
#include <memory>
#include <vector>

class QLabel;

namespace Ui {
class MainWindow;
}

namespace ow::ui {

struct ClientContext;
class IntakePage;
class SyncPanel;

// Wires the sections together and nothing else: each section is its own widget class.
class MainWindow : public QMainWindow
{
    Q_OBJECT

public:
    enum class Section { Queue, Intake, Cases, Supervisor };

    explicit MainWindow(const ClientContext &context, QWidget *parent = nullptr);
    ~MainWindow() override;

    void showSection(Section section);
    Section currentSection() const;
    // The catalogue (ClientContext::catalog/search) has arrived: intake starts.
    void catalogueReady();
    // The sync details (also: a click on the sync indicator, Ctrl+Shift+Y).
    SyncPanel *showSyncPanel();

protected:
    void changeEvent(QEvent *event) override;
    // The first paint sets the window icon afterwards: reading the PNG loads Qt's image format
    // plugins (and their libraries), which the first paint need not wait for. So does the PDF
    // plugin (PdfPlugin: QtPdf, the PDF views and import).
    void paintEvent(QPaintEvent *event) override;

private:
    void addSection(QWidget *page, const QString &iconName);
    // A section made when first shown (a stand-in until then).
    void addSection(std::function<QWidget *()> make, const QString &iconName);
    void makeSection(int index);
    void retranslate();
    void showAbout();

    const ClientContext &m_context;
    std::unique_ptr<Ui::MainWindow> m_ui;
    QLabel *m_modeLabel = nullptr;
    QLabel *m_windowLabel = nullptr;
    IntakePage *m_intake = nullptr; // null unless the role serves the counter
    QLabel *m_roleLabel = nullptr; // what a role without the counter's sections is told
    SyncPanel *m_syncPanel = nullptr;
    std::vector<std::function<QWidget *()>> m_makers; // per section: how to make it, until made
    bool m_painted = false;
};

} // namespace ow::ui
