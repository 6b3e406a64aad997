package cn.duban.engine;

import java.lang.reflect.Method;
import java.util.HashSet;
import java.util.Set;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.beans.factory.support.SimpleBeanDefinitionRegistry;
import org.springframework.context.annotation.AnnotationBeanNameGenerator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.type.filter.AnnotationTypeFilter;
import org.springframework.stereotype.Component;

/**
 * The names of the application's own beans, read from its classes without starting it: the
 * components (by their annotation's name or their class's) and the @Bean methods of its
 * configurations, where the delegates live. What a model test checks a delegate expression against.
 */
final class ApplicationBeans {

  private ApplicationBeans() {
  }

  static Set<String> names() {
    ClassPathScanningCandidateComponentProvider scanner = new ClassPathScanningCandidateComponentProvider(false);
    scanner.addIncludeFilter(new AnnotationTypeFilter(Component.class));
    SimpleBeanDefinitionRegistry registry = new SimpleBeanDefinitionRegistry();
    Set<String> names = new HashSet<>();
    for (BeanDefinition definition : scanner.findCandidateComponents("cn.duban")) {
      names.add(AnnotationBeanNameGenerator.INSTANCE.generateBeanName(definition, registry));
      try {
        for (Method m : Class.forName(definition.getBeanClassName()).getDeclaredMethods()) {
          Bean bean = m.getAnnotation(Bean.class);
          if (bean != null) {
            names.addAll(bean.name().length == 0 ? Set.of(m.getName()) : Set.of(bean.name()));
          }
        }
      } catch (ClassNotFoundException e) {
        throw new IllegalStateException(e);
      }
    }
    return names;
  }
}
