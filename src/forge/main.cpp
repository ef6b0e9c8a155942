// Placeholder until the anatomy work lands the forge (issue 3).
#include <cstdio>
int main() {
  std::fputs("effleura-forge: the anatomy generator is not built yet\n", stderr);
  return 1;
}
