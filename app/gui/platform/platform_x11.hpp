#pragma once
// The X11 side of Platform: putting only the changed part of a frame on the screen, and
// reading back what the screen shows.
//
// A swap copies the whole back buffer to the window. With Mesa's software drivers on
// X11 that is a full-window image upload (about 1 ms a frame at 1280x720 here) even when
// damage tracking repainted a few tiles. GLX_MESA_copy_sub_buffer copies rectangles of
// the back buffer to the window instead, and leaves the back buffer as it is.
//
// GLFW's X11 accessors are looked up at run time, so a GLFW built for Wayland links and
// runs without any of this. Kept apart from platform.cpp because Xlib's headers define
// macros (None, Bool, Status) that collide with ordinary names.
#include <functional>

#include "app/gui/platform/platform.hpp"

struct GLFWwindow;

namespace poolscope::gui {

// Copies one rectangle of the back buffer (framebuffer pixels, origin at the bottom
// left, as OpenGL counts) to the window.
using CopySubBuffer = std::function<void(int x, int y, int width, int height)>;

// Empty unless the window's GLX offers GLX_MESA_copy_sub_buffer.
CopySubBuffer find_copy_sub_buffer(GLFWwindow* window);

// The window's pixels as the X server holds them (what the screen shows), rows top to
// bottom; an empty image when the window is not an X11 window.
Image read_x11_window(GLFWwindow* window);

}  // namespace poolscope::gui
