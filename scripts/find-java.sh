# Sourced by the project's scripts: sets $java to a java >= 21 ($JAVA_HOME first, then any JDK under
# /usr/lib/jvm, then the one on the PATH), or leaves it empty when there is none.
java=""
for candidate in ${JAVA_HOME:+$JAVA_HOME/bin/java} $(ls -d /usr/lib/jvm/*/bin/java 2>/dev/null) java; do
  version=$("$candidate" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java.specification.version = //p')
  if [ -n "$version" ] && [ "${version%%.*}" -ge 21 ] 2>/dev/null; then java=$candidate; break; fi
done
