#include "app/gui/platform/platform_x11.hpp"

#include <GL/glx.h>
#include <GLFW/glfw3.h>
#include <X11/Xutil.h>
#include <dlfcn.h>

#include <bit>

namespace poolscope::gui {

namespace {
template <typename Fn>
Fn glfw_native(const char* name) {
  return reinterpret_cast<Fn>(dlsym(RTLD_DEFAULT, name));
}

// One channel of an X pixel, scaled to 0..255.
std::uint8_t channel(unsigned long pixel, unsigned long mask) {
  if (mask == 0) return 0;
  const unsigned long value = (pixel & mask) >> std::countr_zero(mask);
  const unsigned long max = mask >> std::countr_zero(mask);
  return static_cast<std::uint8_t>(value * 255 / max);
}
}  // namespace

CopySubBuffer find_copy_sub_buffer(GLFWwindow* window) {
  using Copy = void (*)(Display*, GLXDrawable, int, int, int, int);
  const auto get_display = glfw_native<Display* (*)()>("glfwGetX11Display");
  const auto get_glx_window = glfw_native<GLXWindow (*)(GLFWwindow*)>("glfwGetGLXWindow");
  if (get_display == nullptr || get_glx_window == nullptr ||
      glfwExtensionSupported("GLX_MESA_copy_sub_buffer") == GLFW_FALSE) {
    return {};
  }
  const auto copy = reinterpret_cast<Copy>(glfwGetProcAddress("glXCopySubBufferMESA"));
  Display* display = get_display();
  const GLXWindow drawable = get_glx_window(window);
  if (copy == nullptr || display == nullptr || drawable == 0) return {};
  return [=](int x, int y, int width, int height) { copy(display, drawable, x, y, width, height); };
}

Image read_x11_window(GLFWwindow* window) {
  const auto get_display = glfw_native<Display* (*)()>("glfwGetX11Display");
  const auto get_window = glfw_native<Window (*)(GLFWwindow*)>("glfwGetX11Window");
  Display* display = get_display != nullptr ? get_display() : nullptr;
  const Window x_window = get_window != nullptr ? get_window(window) : 0;
  if (display == nullptr || x_window == 0) return {};
  Image image;
  glfwGetFramebufferSize(window, &image.width, &image.height);
  // XGetImage fails (BadMatch) when part of the window is off the screen; Xlib's
  // default handler would end the process, so errors are caught for this one call.
  XSync(display, False);
  XErrorHandler previous = XSetErrorHandler([](Display*, XErrorEvent*) { return 0; });
  XImage* x_image = XGetImage(display, x_window, 0, 0, static_cast<unsigned>(image.width),
                              static_cast<unsigned>(image.height), AllPlanes, ZPixmap);
  XSync(display, False);
  XSetErrorHandler(previous);
  if (x_image == nullptr) return {};
  image.rgba.reserve(static_cast<std::size_t>(image.width) * image.height * 4);
  for (int y = 0; y < image.height; ++y) {
    for (int x = 0; x < image.width; ++x) {
      const unsigned long pixel = XGetPixel(x_image, x, y);
      image.rgba.insert(image.rgba.end(),
                        {channel(pixel, x_image->red_mask), channel(pixel, x_image->green_mask),
                         channel(pixel, x_image->blue_mask), 255});
    }
  }
  XDestroyImage(x_image);
  return image;
}

}  // namespace poolscope::gui
