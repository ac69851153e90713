#pragma once

#include "onewindow/devicesim/Preload.h"

#include <QCoreApplication>
#include <QTest>

#include <cstdio>

// main() for a Qt Test that talks to simulated USB devices: re-executes itself once under the
// umockdev preload library (see Preload.h), then creates `AppClass` and runs the test class.
#define OW_DEVICESIM_TEST_MAIN_WITH_APP(TestClass, AppClass)                                                           \
    int main(int argc, char *argv[])                                                                                   \
    {                                                                                                                  \
        QString preloadError;                                                                                          \
        if (!ow::devicesim::ensureUmockdevPreload(argc, argv, &preloadError)) {                                        \
            std::fprintf(stderr, "%s\n", qPrintable(preloadError));                                                    \
            return 1;                                                                                                  \
        }                                                                                                              \
        AppClass app(argc, argv);                                                                                      \
        TestClass test;                                                                                                \
        QTEST_SET_MAIN_SOURCE_PATH                                                                                     \
        return QTest::qExec(&test, argc, argv);                                                                        \
    }

// Like QTEST_GUILESS_MAIN.
#define OW_DEVICESIM_TEST_MAIN(TestClass) OW_DEVICESIM_TEST_MAIN_WITH_APP(TestClass, QCoreApplication)

// For widget tests. The macro only names QApplication, so this header adds no link dependency;
// the test itself links Qt Widgets.
#define OW_DEVICESIM_GUI_TEST_MAIN(TestClass) OW_DEVICESIM_TEST_MAIN_WITH_APP(TestClass, QApplication)
