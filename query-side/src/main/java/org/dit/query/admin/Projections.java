package org.dit.query.admin;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;

import org.axonframework.config.ProcessingGroup;
import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.stereotype.Component;

/**
 * The read models' processors, named once: each is the {@code @ProcessingGroup} of a projection class of the query
 * side, found among the application's beans. A new projection needs no list to be kept in step by hand; its
 * processor settings still go under its name in application.yml.
 */
@Component
public class Projections {

    private static final String QUERY_SIDE = "org.dit.query.";

    private final List<String> names;

    Projections(ListableBeanFactory beans) {
        this.names = Arrays.stream(beans.getBeanNamesForAnnotation(ProcessingGroup.class))
                .filter(bean -> {
                    Class<?> type = beans.getType(bean, false);
                    return type != null && type.getName().startsWith(QUERY_SIDE);
                })
                .map(bean -> beans.findAnnotationOnBean(bean, ProcessingGroup.class, false))
                .filter(Objects::nonNull)
                .map(ProcessingGroup::value)
                .distinct()
                .sorted()
                .toList();
    }

    public List<String> names() {
        return names;
    }

    public boolean contains(String name) {
        return names.contains(name);
    }
}
